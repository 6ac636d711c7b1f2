using System.Net;
using AuthClient.Testing.Fakes;
using AuthClient.Testing.Tests.Support;
using AuthClient.Transmit;
using AuthClient.Transmit.Models;
using Microsoft.Extensions.DependencyInjection;

namespace AuthClient.Testing.Tests.Fakes;

public sealed class TransmitErrorsTests
{
    [Fact]
    public void BadRequest_WithTsErrorCode_HasTransmitsCurrentShape()
    {
        var e = TransmitErrors.BadRequest("auth_invalid_signature", operation: TransmitOperation.Authenticate);

        Assert.Equal(
            (HttpStatusCode.BadRequest, "400", "auth_invalid_signature", "POST", "/cis/v1/auth/mobile-biometrics/authenticate", null),
            (e.StatusCode, e.ErrorCode, e.TsErrorCode, e.Details.Method, e.Details.Path, e.RequestRef));
        Assert.Equal(["Invalid request"], e.Messages);
        Assert.Equal("Transmit POST /cis/v1/auth/mobile-biometrics/authenticate failed with 400 BadRequest (error code 400): Invalid request.", e.Message);
    }

    [Fact]
    public void BadRequest_WithoutTsErrorCode_IsAnInvalidRequest()
    {
        var e = TransmitErrors.BadRequest(message: "publicKey should not be null", requestRef: "corr-1");

        Assert.Equal((TransmitErrorCodes.InvalidRequest, null, "corr-1", "?"), (e.ErrorCode, e.TsErrorCode, e.RequestRef, e.Details.Path));
        Assert.Equal(["publicKey should not be null"], e.Messages);
    }

    [Fact]
    public void OtherStatuses_HaveTheirStatusAndCode()
    {
        Assert.True(TransmitErrors.Unauthorized().IsUnauthorized);
        Assert.Equal("401", TransmitErrors.Unauthorized().ErrorCode);
        Assert.Equal((HttpStatusCode.NotFound, "DELETE", "/cis/v1/auth/mobile-biometrics/delete"), (TransmitErrors.NotFound(TransmitOperation.Delete).StatusCode, TransmitErrors.NotFound(TransmitOperation.Delete).Details.Method, TransmitErrors.NotFound(TransmitOperation.Delete).Details.Path));
        Assert.Equal(["Key exists"], TransmitErrors.Conflict("Key exists").Messages);
        Assert.Equal(HttpStatusCode.BadGateway, TransmitErrors.ServerError(502).StatusCode);
        Assert.Throws<ArgumentOutOfRangeException>(() => TransmitErrors.ServerError(404));
    }

    [Fact]
    public void Transport_HasNoIdempotencyRef()
    {
        var e = TransmitErrors.Transport(outcomeUnknown: false, TransmitOperation.Start);

        Assert.Equal((false, null), (e.OutcomeUnknown, e.IdempotencyRef));
        Assert.Equal("Transmit POST /cis/v1/auth/mobile-biometrics/start could not connect (ConnectionError); nothing was sent.", e.Message);
    }

    [Fact]
    public async Task BadRequest_MatchesWhatTheSdkThrowsForTheSandboxsAnswer()
    {
        await using var sandbox = await WeavrSandbox.StartAsync();
        using var services = SandboxServices.Create(sandbox);
        var transmit = services.GetRequiredService<ITransmitBiometricsClient>();

        var real = await Assert.ThrowsAsync<TransmitApiException>(() => transmit.AuthenticateAsync(
            new BiometricsAuthenticateRequest { UserId = "user-1", Challenge = "never-issued", KeyId = "key-1", Signature = "AAAA" }));
        var fake = TransmitErrors.BadRequest("auth_invalid_challenge", operation: TransmitOperation.Authenticate);

        Assert.Equal(
            (real.StatusCode, real.ErrorCode, real.TsErrorCode, real.Details.Api, real.Details.Method, real.Details.Path),
            (fake.StatusCode, fake.ErrorCode, fake.TsErrorCode, fake.Details.Api, fake.Details.Method, fake.Details.Path));
    }
}
