using AuthClient.Primitives;
using AuthClient.Testing.Fakes.Internal;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;

namespace AuthClient.Testing.Fakes;

/// <summary>
/// A programmable, recording <see cref="IWeavrAuthClient"/> for unit tests, no mocking library needed. For each
/// operation your code calls, set its <c>On…</c> handler to return a result (<see cref="WeavrResults"/>) or throw an
/// error (<see cref="WeavrErrors"/>); then assert on <see cref="Calls"/>:
/// <code>
/// var weavr = new FakeWeavrAuthClient
/// {
///     OnLoginWithPassword = (email, password) => WeavrResults.Login("auth-token"),
///     OnUnlinkPush = (channel, options) => throw WeavrErrors.StepUpRequired(),
/// };
/// </code>
/// </summary>
/// <remarks>
/// An operation with no handler fails its task with an <see cref="InvalidOperationException"/> naming the handler to
/// set. A handler's exception fails the returned task, as an async client does; an already cancelled token cancels it.
/// Every call is recorded first, secrets as <see cref="Secret"/>s. Unlike the real client the fake does not validate
/// input: use the <see cref="WeavrSandbox"/> emulator to test against the real client end to end. Recording is
/// thread-safe; set the handlers before the code under test runs.
/// </remarks>
public sealed class FakeWeavrAuthClient : IWeavrAuthClient
{
    private readonly FakeRecorder<WeavrCall> _recorder = new(nameof(FakeWeavrAuthClient));

    /// <summary>Gets or sets what <see cref="LoginWithPasswordAsync"/> returns for (email, password).</summary>
    public Func<string, string, WeavrResponse<PasswordLoginResult>>? OnLoginWithPassword { get; set; }

    /// <summary>Gets or sets what <see cref="LoginViaBiometricsAsync"/> returns for (email, identity).</summary>
    public Func<string, IdentityId?, WeavrResponse<LoginViaBiometricsResponse>>? OnLoginViaBiometrics { get; set; }

    /// <summary>Gets or sets what <see cref="GetIdentitiesAsync"/> returns for (offset, limit, options).</summary>
    public Func<int?, int?, WeavrCallOptions?, WeavrResponse<IdentitiesResponse>>? OnGetIdentities { get; set; }

    /// <summary>Gets or sets what <see cref="RequestAccessTokenAsync"/> returns for (identity, options).</summary>
    public Func<IdentityId, WeavrCallOptions?, WeavrResponse<AccessTokenResponse>>? OnRequestAccessToken { get; set; }

    /// <summary>Gets or sets what <see cref="RequestDelegatedAccessTokenAsync"/> returns for (identity, clientAssertion).</summary>
    public Func<IdentityId, Secret, WeavrResponse<AccessTokenResponse>>? OnRequestDelegatedAccessToken { get; set; }

    /// <summary>Gets or sets what <see cref="ExchangeOneTimeTokenAsync"/> returns for (identity, oneTimeToken).</summary>
    public Func<IdentityId, Secret, WeavrResponse<AccessTokenResponse>>? OnExchangeOneTimeToken { get; set; }

    /// <summary>Gets or sets what <see cref="GetAuthenticationFactorsAsync"/> returns for (options).</summary>
    public Func<WeavrCallOptions?, WeavrResponse<AuthenticationFactors>>? OnGetAuthenticationFactors { get; set; }

    /// <summary>Gets or sets what <see cref="EnrolOtpAsync"/> returns for (channel, options).</summary>
    public Func<ScaChannel, WeavrCallOptions?, WeavrResponse>? OnEnrolOtp { get; set; }

    /// <summary>Gets or sets what <see cref="VerifyOtpEnrolmentAsync"/> returns for (channel, verificationCode, options).</summary>
    public Func<ScaChannel, string, WeavrCallOptions?, WeavrResponse>? OnVerifyOtpEnrolment { get; set; }

    /// <summary>Gets or sets what <see cref="EnrolPushAsync"/> returns for (channel, options).</summary>
    public Func<ScaChannel, WeavrCallOptions?, WeavrResponse>? OnEnrolPush { get; set; }

    /// <summary>Gets or sets what <see cref="UnlinkPushAsync"/> returns for (channel, options).</summary>
    public Func<ScaChannel, WeavrCallOptions?, WeavrResponse>? OnUnlinkPush { get; set; }

    /// <summary>Gets or sets what <see cref="StartOtpStepUpAsync"/> returns for (channel, options).</summary>
    public Func<ScaChannel, WeavrCallOptions?, WeavrResponse>? OnStartOtpStepUp { get; set; }

    /// <summary>Gets or sets what <see cref="VerifyOtpStepUpAsync"/> returns for (channel, verificationCode, options).</summary>
    public Func<ScaChannel, string, WeavrCallOptions?, WeavrResponse>? OnVerifyOtpStepUp { get; set; }

    /// <summary>Gets or sets what <see cref="StartPushStepUpAsync"/> returns for (channel, options).</summary>
    public Func<ScaChannel, WeavrCallOptions?, WeavrResponse<PushChallenge>>? OnStartPushStepUp { get; set; }

    /// <summary>Gets or sets what <see cref="LogoutAsync"/> returns for (options).</summary>
    public Func<WeavrCallOptions?, WeavrResponse<LogoutResponse?>>? OnLogout { get; set; }

    /// <summary>Gets or sets what <see cref="UpdatePasswordAsync"/> returns for (oldPassword, newPassword, options).</summary>
    public Func<string, string, WeavrCallOptions?, WeavrResponse<PasswordUpdateResponse>>? OnUpdatePassword { get; set; }

    /// <summary>Gets or sets what <see cref="ValidatePasswordAsync"/> returns for (password, options), e.g.
    /// <c>(_, _) =&gt; WeavrResults.PasswordPolicy(PasswordPolicyOutcome.TooSimple)</c>.</summary>
    public Func<string, WeavrCallOptions?, WeavrResponse<PasswordPolicyOutcome>>? OnValidatePassword { get; set; }

    /// <summary>Gets or sets what <see cref="StartLostPasswordAsync"/> returns for (email).</summary>
    public Func<string, WeavrResponse>? OnStartLostPassword { get; set; }

    /// <summary>Gets or sets what <see cref="ResumeLostPasswordAsync"/> returns for (email, nonce, newPassword).</summary>
    public Func<string, string, string, WeavrResponse<LostPasswordResumeResponse>>? OnResumeLostPassword { get; set; }

    /// <summary>Gets the calls received so far, in order (a snapshot).</summary>
    public IReadOnlyList<WeavrCall> Calls => _recorder.Calls;

    /// <summary>Returns the calls of one operation received so far, in order.</summary>
    /// <param name="operation">The operation.</param>
    /// <returns>The calls.</returns>
    public IReadOnlyList<WeavrCall> CallsTo(WeavrOperation operation) => [.. _recorder.Calls.Where(c => c.Operation == operation)];

    /// <inheritdoc />
    public Task<WeavrResponse<PasswordLoginResult>> LoginWithPasswordAsync(string email, string password, CancellationToken cancellationToken = default) =>
        _recorder.Run(new(WeavrOperation.LoginWithPassword) { Email = email, Password = Hide(password) }, OnLoginWithPassword, nameof(OnLoginWithPassword), h => h(email, password), cancellationToken);

    /// <inheritdoc />
    public Task<WeavrResponse<LoginViaBiometricsResponse>> LoginViaBiometricsAsync(string email, IdentityId? identity = null, CancellationToken cancellationToken = default) =>
        _recorder.Run(new(WeavrOperation.LoginViaBiometrics) { Email = email, Identity = identity }, OnLoginViaBiometrics, nameof(OnLoginViaBiometrics), h => h(email, identity), cancellationToken);

    /// <inheritdoc />
    public Task<WeavrResponse<IdentitiesResponse>> GetIdentitiesAsync(int? offset = null, int? limit = null, WeavrCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _recorder.Run(With(WeavrOperation.GetIdentities, options) with { Offset = offset, Limit = limit }, OnGetIdentities, nameof(OnGetIdentities), h => h(offset, limit, options), cancellationToken);

    /// <inheritdoc />
    public Task<WeavrResponse<AccessTokenResponse>> RequestAccessTokenAsync(IdentityId identity, WeavrCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _recorder.Run(With(WeavrOperation.RequestAccessToken, options) with { Identity = identity }, OnRequestAccessToken, nameof(OnRequestAccessToken), h => h(identity, options), cancellationToken);

    /// <inheritdoc />
    public Task<WeavrResponse<AccessTokenResponse>> RequestDelegatedAccessTokenAsync(IdentityId identity, Secret clientAssertion, CancellationToken cancellationToken = default) =>
        _recorder.Run(new WeavrCall(WeavrOperation.RequestDelegatedAccessToken) { Identity = identity, ClientAssertion = clientAssertion }, OnRequestDelegatedAccessToken, nameof(OnRequestDelegatedAccessToken), h => h(identity, clientAssertion), cancellationToken);

    /// <inheritdoc />
    public Task<WeavrResponse<AccessTokenResponse>> ExchangeOneTimeTokenAsync(IdentityId identity, Secret oneTimeToken, CancellationToken cancellationToken = default) =>
        _recorder.Run(new WeavrCall(WeavrOperation.ExchangeOneTimeToken) { Identity = identity, OneTimeToken = oneTimeToken }, OnExchangeOneTimeToken, nameof(OnExchangeOneTimeToken), h => h(identity, oneTimeToken), cancellationToken);

    /// <inheritdoc />
    public Task<WeavrResponse<AuthenticationFactors>> GetAuthenticationFactorsAsync(WeavrCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _recorder.Run(With(WeavrOperation.GetAuthenticationFactors, options), OnGetAuthenticationFactors, nameof(OnGetAuthenticationFactors), h => h(options), cancellationToken);

    /// <inheritdoc />
    public Task<WeavrResponse> EnrolOtpAsync(ScaChannel channel, WeavrCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _recorder.Run(With(WeavrOperation.EnrolOtp, options) with { Channel = channel }, OnEnrolOtp, nameof(OnEnrolOtp), h => h(channel, options), cancellationToken);

    /// <inheritdoc />
    public Task<WeavrResponse> VerifyOtpEnrolmentAsync(ScaChannel channel, string verificationCode, WeavrCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _recorder.Run(With(WeavrOperation.VerifyOtpEnrolment, options) with { Channel = channel, VerificationCode = Hide(verificationCode) }, OnVerifyOtpEnrolment, nameof(OnVerifyOtpEnrolment), h => h(channel, verificationCode, options), cancellationToken);

    /// <inheritdoc />
    public Task<WeavrResponse> EnrolPushAsync(ScaChannel channel, WeavrCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _recorder.Run(With(WeavrOperation.EnrolPush, options) with { Channel = channel }, OnEnrolPush, nameof(OnEnrolPush), h => h(channel, options), cancellationToken);

    /// <inheritdoc />
    public Task<WeavrResponse> UnlinkPushAsync(ScaChannel channel, WeavrCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _recorder.Run(With(WeavrOperation.UnlinkPush, options) with { Channel = channel }, OnUnlinkPush, nameof(OnUnlinkPush), h => h(channel, options), cancellationToken);

    /// <inheritdoc />
    public Task<WeavrResponse> StartOtpStepUpAsync(ScaChannel channel, WeavrCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _recorder.Run(With(WeavrOperation.StartOtpStepUp, options) with { Channel = channel }, OnStartOtpStepUp, nameof(OnStartOtpStepUp), h => h(channel, options), cancellationToken);

    /// <inheritdoc />
    public Task<WeavrResponse> VerifyOtpStepUpAsync(ScaChannel channel, string verificationCode, WeavrCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _recorder.Run(With(WeavrOperation.VerifyOtpStepUp, options) with { Channel = channel, VerificationCode = Hide(verificationCode) }, OnVerifyOtpStepUp, nameof(OnVerifyOtpStepUp), h => h(channel, verificationCode, options), cancellationToken);

    /// <inheritdoc />
    public Task<WeavrResponse<PushChallenge>> StartPushStepUpAsync(ScaChannel channel, WeavrCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _recorder.Run(With(WeavrOperation.StartPushStepUp, options) with { Channel = channel }, OnStartPushStepUp, nameof(OnStartPushStepUp), h => h(channel, options), cancellationToken);

    /// <inheritdoc />
    public Task<WeavrResponse<LogoutResponse?>> LogoutAsync(WeavrCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _recorder.Run(With(WeavrOperation.Logout, options), OnLogout, nameof(OnLogout), h => h(options), cancellationToken);

    /// <inheritdoc />
    public Task<WeavrResponse<PasswordUpdateResponse>> UpdatePasswordAsync(string oldPassword, string newPassword, WeavrCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _recorder.Run(With(WeavrOperation.UpdatePassword, options) with { OldPassword = Hide(oldPassword), NewPassword = Hide(newPassword) }, OnUpdatePassword, nameof(OnUpdatePassword), h => h(oldPassword, newPassword, options), cancellationToken);

    /// <inheritdoc />
    public Task<WeavrResponse<PasswordPolicyOutcome>> ValidatePasswordAsync(string password, WeavrCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _recorder.Run(With(WeavrOperation.ValidatePassword, options) with { Password = Hide(password) }, OnValidatePassword, nameof(OnValidatePassword), h => h(password, options), cancellationToken);

    /// <inheritdoc />
    public Task<WeavrResponse> StartLostPasswordAsync(string email, CancellationToken cancellationToken = default) =>
        _recorder.Run(new WeavrCall(WeavrOperation.StartLostPassword) { Email = email }, OnStartLostPassword, nameof(OnStartLostPassword), h => h(email), cancellationToken);

    /// <inheritdoc />
    public Task<WeavrResponse<LostPasswordResumeResponse>> ResumeLostPasswordAsync(string email, string nonce, string newPassword, CancellationToken cancellationToken = default) =>
        _recorder.Run(new WeavrCall(WeavrOperation.ResumeLostPassword) { Email = email, Nonce = Hide(nonce), NewPassword = Hide(newPassword) }, OnResumeLostPassword, nameof(OnResumeLostPassword), h => h(email, nonce, newPassword), cancellationToken);

    private static WeavrCall With(WeavrOperation operation, WeavrCallOptions? options) =>
        new(operation) { Token = options?.Token, IdempotencyRef = options?.IdempotencyRef };

    // A null argument is recorded as absent rather than failing in the fake: the code under test passed it.
    private static Secret? Hide(string? value) => value is null ? null : new Secret(value);
}
