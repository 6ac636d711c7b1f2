using AuthClient.Primitives;

namespace AuthClient.Sessions;

/// <summary>
/// Supplies one-time passwords to sessions: implement it to ask your own front end (e.g. push a prompt to the user's
/// browser and await the answer). Register it in DI as a singleton; sessions call it for automatic OTP step-up and for SMS OTP
/// enrolment. For a two-request web flow, call <see cref="IWeavrSession.StartOtpStepUpAsync"/> and
/// <see cref="IWeavrSession.VerifyOtpStepUpAsync"/> instead.
/// </summary>
public interface IOtpCodeProvider
{
    /// <summary>Returns the code the user entered, or <see langword="null"/> when the user gave up.</summary>
    /// <param name="request">Who is asked, why, and which attempt this is.</param>
    /// <param name="cancellationToken">Cancelled when nobody waits for the code any more.</param>
    /// <returns>The 6-digit code, or <see langword="null"/>.</returns>
    ValueTask<Secret?> GetCodeAsync(OtpCodeRequest request, CancellationToken cancellationToken);
}
