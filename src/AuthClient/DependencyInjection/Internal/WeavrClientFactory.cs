using AuthClient.Weavr;
using Microsoft.Extensions.Options;

namespace AuthClient.DependencyInjection.Internal;

/// <summary>Creates a programme's <see cref="IWeavrAuthClient"/>, refusing one without an api key.</summary>
internal static class WeavrClientFactory
{
    /// <exception cref="OptionsValidationException">The options are invalid, or <c>Weavr.ApiKey</c> is not set (an app
    /// that only uses Transmit may start without it, but cannot call Weavr).</exception>
    public static IWeavrAuthClient Create(IServiceProvider services, string programme)
    {
        var options = ProgrammeServices.Options<AuthClientOptions>(services, programme);
        if (!options.Weavr.HasApiKey)
        {
            throw new OptionsValidationException(programme, typeof(AuthClientOptions), [MissingApiKey(programme, "IWeavrAuthClient")]);
        }

        return new WeavrAuthClient(ProgrammeServices.Get<IWeavrApi>(services, programme));
    }

    /// <summary>The one wording of the missing-key failure, at start-up and at first use.</summary>
    public static string MissingApiKey(string programme, string neededBy) =>
        $"Weavr.ApiKey is required{(ProgrammeServices.IsDefault(programme) ? string.Empty : $" for programme '{programme}'")} " +
        $"(the api key of your Weavr API client): {neededBy} calls Weavr. Only an app that uses Transmit alone may leave it unset.";
}
