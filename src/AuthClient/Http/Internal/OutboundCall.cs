namespace AuthClient.Http.Internal;

/// <summary>
/// The per-call facts the outermost handler stamps and the inner handlers and error mapping read back: one object in
/// <see cref="HttpRequestMessage.Options"/> (not one boxed entry per fact, which grew the options dictionary twice).
/// </summary>
internal sealed class OutboundCall
{
    /// <summary>The options key the state travels under.</summary>
    public static readonly HttpRequestOptionsKey<OutboundCall> Key = new("AuthClient.Call");

    /// <summary>Gets the <see cref="TimeProvider"/> timestamp at which the call started.</summary>
    public long Started { get; init; }

    /// <summary>Gets or sets whether any attempt reached the transport.</summary>
    public bool Sent { get; set; }

    /// <summary>Gets or sets how many attempts reached the transport.</summary>
    public int Attempts { get; set; }
}
