using Refit;

namespace AuthClient.DependencyInjection.Internal;

/// <summary>The <see cref="RefitSettings"/> of one Refit client, a singleton so a typed client resolved per call does
/// not build a serializer each time.</summary>
/// <typeparam name="TApi">The Refit interface these settings belong to.</typeparam>
internal sealed class RefitSettingsFor<TApi>(RefitSettings settings)
    where TApi : class
{
    public RefitSettings Settings { get; } = settings;
}
