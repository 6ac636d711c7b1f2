namespace AuthClient.Testing.Fakes;

/// <summary>
/// The operations of <see cref="AuthClient.Transmit.ITransmitBiometricsClient"/>: what a <see cref="TransmitCall"/>
/// recorded, and which method and path a <see cref="TransmitErrors"/> exception describes.
/// </summary>
public enum TransmitOperation
{
    /// <summary><c>StartAsync</c>: <c>POST /v1/auth/mobile-biometrics/start</c>.</summary>
    Start,

    /// <summary><c>AuthenticateAsync</c>: <c>POST /v1/auth/mobile-biometrics/authenticate</c>.</summary>
    Authenticate,

    /// <summary><c>RegisterAsync</c>: <c>POST /v1/auth/mobile-biometrics/register</c>.</summary>
    Register,

    /// <summary><c>DeleteAsync</c>: <c>DELETE /v1/auth/mobile-biometrics/delete</c>.</summary>
    Delete,
}
