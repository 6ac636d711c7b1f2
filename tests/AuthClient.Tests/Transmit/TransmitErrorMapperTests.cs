using System.Net;
using AuthClient.Primitives;
using AuthClient.Transmit;
using AuthClient.Transmit.Models;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace AuthClient.Tests.Transmit;

public sealed class TransmitErrorMapperTests : IDisposable
{
    private readonly TransmitTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task MapAsync_StringErrorCodeAndStringMessage_ParsesShapeOne()
    {
        var ex = await RegisterFailingWith(404, """{"error_code":"invalid_request","message":"Invalid request: property should not be null or undefined"}""");

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal(TransmitErrorCodes.InvalidRequest, ex.ErrorCode);
        Assert.Null(ex.TsErrorCode);
        Assert.Equal(["Invalid request: property should not be null or undefined"], ex.Messages);
        Assert.Equal("Transmit", ex.Details.Api);
        Assert.Equal("POST", ex.Details.Method);
        Assert.Equal(TransmitTestHost.RegisterPath, ex.Details.Path);
        Assert.Equal(
            "Transmit POST /cis/v1/auth/mobile-biometrics/register failed with 404 NotFound (error code invalid_request): Invalid request: property should not be null or undefined.",
            ex.Message);
    }

    [Fact]
    public async Task MapAsync_NumericErrorCodeWithTsErrorCode_ParsesShapeTwo()
    {
        var ex = await RegisterFailingWith(400, """{"message":"Max authenticators reached","error_code":400,"ts_error_code":"auth_max_authenticators_count_exceeded"}""");

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("400", ex.ErrorCode);
        Assert.Equal(TransmitErrorCodes.MaxAuthenticatorsExceeded, ex.TsErrorCode);
        Assert.Equal(["Max authenticators reached"], ex.Messages);
    }

    [Fact]
    public async Task MapAsync_MessageArrayWithNumericCode_ParsesShapeThreeFromTokenApi()
    {
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.TokenPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json")
                .WithBody("""{"message":["Bad request","client_id must be a string"],"error_code":400}"""));

        var ex = await Assert.ThrowsAsync<TransmitApiException>(() => _host.Client.StartAsync(BiometricsStartRequest.ForUser("u")));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("400", ex.ErrorCode);
        Assert.Null(ex.TsErrorCode);
        Assert.Equal(["Bad request", "client_id must be a string"], ex.Messages);
        Assert.Equal(TransmitTestHost.TokenPath, ex.Details.Path);
        Assert.Contains("Bad request; client_id must be a string", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapAsync_ConflictWithMessageOnly_KeepsMessage()
    {
        var ex = await RegisterFailingWith(409, """{"message":"Key already registered"}""");

        Assert.Equal(HttpStatusCode.Conflict, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.Equal(["Key already registered"], ex.Messages);
        Assert.Equal("""{"message":"Key already registered"}""", ex.Details.ResponseBody);
    }

    [Fact]
    public async Task MapAsync_EmptyBody_KeepsStatusOnly()
    {
        var ex = await RegisterFailingWith(500, null);

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.Null(ex.TsErrorCode);
        Assert.Empty(ex.Messages);
        Assert.Null(ex.Details.ResponseBody);
    }

    [Fact]
    public async Task MapAsync_NonJsonBody_KeepsRawText()
    {
        var ex = await RegisterFailingWith(502, "<html>Bad gateway</html>");

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.Equal("<html>Bad gateway</html>", ex.Details.ResponseBody);
    }

    [Fact]
    public async Task MapAsync_UnexpectedFieldTypes_AreIgnoredNotThrown()
    {
        var ex = await RegisterFailingWith(400, """{"error_code":{"nested":true},"message":[1,"text",null],"ts_error_code":7}""");

        Assert.Null(ex.ErrorCode);
        Assert.Equal(["text"], ex.Messages);
        Assert.Equal("7", ex.TsErrorCode);
    }

    [Fact]
    public async Task MapAsync_RequestIdHeader_BecomesRequestRef()
    {
        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.RegisterPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("x-request-id", "req-42").WithBody("""{"message":"bad"}"""));

        var ex = await Assert.ThrowsAsync<TransmitApiException>(Register);

        Assert.Equal("req-42", ex.RequestRef);
        Assert.EndsWith("[request-ref req-42].", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapAsync_BodyEchoingAToken_RedactsTheToken()
    {
        var ex = await RegisterFailingWith(400, """{"message":"bad","access_token":"leaked-token-value"}""");

        Assert.Equal("""{"message":"bad","access_token":"[redacted]"}""", ex.Details.ResponseBody);
        Assert.DoesNotContain("leaked-token-value", ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(["bad"], ex.Messages);
    }

    private async Task<TransmitApiException> RegisterFailingWith(int status, string? body)
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithBody(body);
        }

        _host.Server.Given(Request.Create().WithPath(TransmitTestHost.RegisterPath).UsingPost()).RespondWith(response);
        return await Assert.ThrowsAsync<TransmitApiException>(Register);
    }

    private Task Register() => _host.Client.RegisterAsync(
        new Secret("user-token"), new BiometricsRegisterRequest { PublicKey = "pem", PublicKeyId = "pk", Os = "iOS" });
}
