using System.Text.RegularExpressions;

namespace AuthClient.Weavr.Internal;

/// <summary>One documented Weavr operation and the headers it declares.</summary>
/// <param name="OperationId">The operation id in Weavr's OpenAPI document.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Template">The path template relative to the Multi base URL.</param>
/// <param name="Bearer">Whether the operation takes <c>Authorization: Bearer</c>.</param>
/// <param name="BearerOptional">Whether the operation also accepts the api key alone.</param>
/// <param name="DeclaresIdempotencyRef">Whether the operation declares the <c>idempotency-ref</c> header.</param>
internal sealed record WeavrEndpoint(
    string OperationId,
    HttpMethod Method,
    string Template,
    bool Bearer,
    bool BearerOptional,
    bool DeclaresIdempotencyRef)
{
    // Built on first use: the path-template lookup finds every request Refit sends, so the pattern only serves requests
    // sent through the handlers by other means. Building 17 patterns up front was ~8 % of a Native AOT first call (and a
    // compiled regex each under the JIT). A race only builds the same pattern twice.
    private Regex? _pattern;

    /// <summary>Returns whether <paramref name="method"/> and <paramref name="path"/> (which may carry a base path) are this operation.</summary>
    public bool Matches(HttpMethod method, string path) =>
        method == Method && (_pattern ??= new Regex(
            Regex.Replace(Regex.Escape(Template), @"\\\{[^/]+?}", "[^/]+") + "$", RegexOptions.CultureInvariant)).IsMatch(path);
}
