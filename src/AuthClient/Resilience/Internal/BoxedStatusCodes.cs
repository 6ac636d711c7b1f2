using System.Net;

namespace AuthClient.Resilience.Internal;

/// <summary>HTTP status codes as boxed <see cref="int"/>s, one object per code for the life of the process.</summary>
internal static class BoxedStatusCodes
{
    private const int First = 100;

    // Filled as codes are seen (a handful in practice), not 500 boxes at the first Polly event. A race boxes twice.
    private static readonly object?[] Boxes = new object?[500];

    /// <summary>The code as a boxed <see cref="int"/>: a shared box for 100–599, a new one otherwise.</summary>
    public static object Box(HttpStatusCode statusCode)
    {
        var code = (int)statusCode;
        return (uint)(code - First) < (uint)Boxes.Length ? Boxes[code - First] ??= code : code;
    }
}
