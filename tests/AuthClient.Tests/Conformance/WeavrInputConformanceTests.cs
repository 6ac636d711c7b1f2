using System.Text.RegularExpressions;
using AuthClient.Primitives;
using AuthClient.Tests.Support;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using YamlDotNet.RepresentationModel;

namespace AuthClient.Tests.Conformance;

/// <summary>
/// What <see cref="IWeavrAuthClient"/> accepts before sending, derived from the spec rather than restated: the path
/// channel enums, the <c>Nonce</c> pattern, the <c>SensitivePassword</c> length and the <c>IdentityId</c> id pattern.
/// Accepted input must reach the wire (WireMock on 127.0.0.1); refused input must throw naming the parameter and send nothing.
/// </summary>
public sealed class WeavrInputConformanceTests : IClassFixture<WeavrOpenApiFixture>, IClassFixture<WeavrWireMockFixture>
{
    private static readonly IReadOnlyDictionary<string, (string Method, string Template, Func<IWeavrAuthClient, ScaChannel, WeavrCallOptions, Task> Call)> ChannelOperations =
        new Dictionary<string, (string, string, Func<IWeavrAuthClient, ScaChannel, WeavrCallOptions, Task>)>
        {
            ["enrolDeviceUsingOtpStepOne"] = ("POST", "/authentication_factors/otp/{channel}", (c, ch, o) => c.EnrolOtpAsync(ch, o)),
            ["enrolDeviceUsingOtpStepTwo"] = ("POST", "/authentication_factors/otp/{channel}/verify", (c, ch, o) => c.VerifyOtpEnrolmentAsync(ch, "123456", o)),
            ["enrolDeviceUsingPush"] = ("POST", "/authentication_factors/push/{channel}", (c, ch, o) => c.EnrolPushAsync(ch, o)),
            ["unlinkDeviceUsingPush"] = ("DELETE", "/authentication_factors/push/{channel}", (c, ch, o) => c.UnlinkPushAsync(ch, o)),
            ["stepupSCAChallenge"] = ("POST", "/stepup/challenges/otp/{channel}", (c, ch, o) => c.StartOtpStepUpAsync(ch, o)),
            ["stepupSCAVerify"] = ("POST", "/stepup/challenges/otp/{channel}/verify", (c, ch, o) => c.VerifyOtpStepUpAsync(ch, "123456", o)),
            ["stepupSCAChallengePush"] = ("POST", "/stepup/challenges/push/{channel}", (c, ch, o) => c.StartPushStepUpAsync(ch, o)),
        };

    private readonly WeavrOpenApiFixture _spec;
    private readonly WeavrWireMockFixture _wire;

    public WeavrInputConformanceTests(WeavrOpenApiFixture spec, WeavrWireMockFixture wire)
    {
        _spec = spec;
        _wire = wire;
        _wire.Reset();
    }

    public static TheoryData<string, string> OperationsByChannel
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var operation in ChannelOperations.Keys)
            {
                foreach (var channel in new[] { "SMS", "AUTHY", "BIOMETRIC", "WHATSAPP" })
                {
                    data.Add(operation, channel);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(OperationsByChannel))]
    public async Task ChannelOperation_Channel_AcceptedExactlyWhenTheSpecEnumListsIt(string operationId, string channel)
    {
        var (method, template, call) = ChannelOperations[operationId];
        var operation = _spec.Operation(template, method);
        Assert.Equal(operationId, WeavrOpenApiFixture.Scalar(WeavrOpenApiFixture.Child(operation, "operationId")!));
        var parameter = _spec.Parameters(template, method).Single(p => WeavrOpenApiFixture.Scalar(WeavrOpenApiFixture.Child(p, "name")!) == "channel");
        var allowed = _spec.Enum(WeavrOpenApiFixture.Child(parameter, "schema")!);
        Assert.NotEmpty(allowed);

        var path = template.Replace("{channel}", channel, StringComparison.Ordinal);
        _wire.Given(method, path, operationId == "stepupSCAChallengePush" ? 200 : 204, operationId == "stepupSCAChallengePush" ? """{"id":"1"}""" : null);
        using var sut = _wire.CreateClient();
        var options = WeavrCallOptions.WithToken(new Secret("t"));

        if (allowed.Contains(channel))
        {
            await call(sut.Weavr, new ScaChannel(channel), options);
            Assert.Equal(WeavrWireMockFixture.BasePath + path, _wire.SingleRequest().AbsolutePath);
        }
        else
        {
            var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(sut.Weavr, new ScaChannel(channel), options));
            Assert.Equal("channel", ex.ParamName);
            Assert.Empty(_wire.Server.LogEntries);
        }
    }

    [Theory]
    [InlineData("123456")]
    [InlineData("000000")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("")]
    [InlineData("１２３４５６")] // Full-width digits: not [0-9].
    [InlineData("123456\n")]
    public async Task VerifyOtpStepUpAsync_Code_AcceptedExactlyWhenItMatchesTheNoncePattern(string code)
    {
        var pattern = Scalar(_spec.Resolve(Schema("Nonce")), "pattern");
        var valid = Regex.IsMatch(code, pattern.Replace("$", @"\z", StringComparison.Ordinal), RegexOptions.CultureInvariant);
        _wire.Given("POST", "/stepup/challenges/otp/SMS/verify", 204);
        using var sut = _wire.CreateClient();

        var call = () => sut.Weavr.VerifyOtpStepUpAsync(ScaChannel.Sms, code, WeavrCallOptions.WithToken(new Secret("t")));

        await AssertAcceptedOrRefusedAsync(valid, call, "verificationCode");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(100)]
    [InlineData(101)]
    [InlineData(0)]
    public async Task UpdatePasswordAsync_NewPasswordLength_AcceptedUpToTheSpecMaxLength(int length)
    {
        var value = _spec.Properties((YamlMappingNode)_spec.Resolve(Schema("SensitivePassword")))["value"];
        var maxLength = int.Parse(Scalar(value, "maxLength"), System.Globalization.CultureInfo.InvariantCulture);
        _wire.Given("POST", "/passwords/update", 200, """{"token":"t2"}""");
        using var sut = _wire.CreateClient();

        var call = () => sut.Weavr.UpdatePasswordAsync("old-password", new string('x', length), WeavrCallOptions.WithToken(new Secret("t")));

        await AssertAcceptedOrRefusedAsync(length is > 0 && length <= maxLength, call, "newPassword");
    }

    [Theory]
    [InlineData("123")]
    [InlineData("0")]
    [InlineData("12a")]
    [InlineData("-1")]
    [InlineData("123\n")]
    [InlineData("")]
    public async Task RequestAccessTokenAsync_IdentityId_AcceptedExactlyWhenItMatchesTheSpecPattern(string id)
    {
        var idSchema = _spec.Properties((YamlMappingNode)_spec.Resolve(Schema("IdentityId")))["id"];
        var valid = Regex.IsMatch(id, Scalar(idSchema, "pattern").Replace("$", @"\z", StringComparison.Ordinal), RegexOptions.CultureInvariant);
        _wire.Given("POST", "/access_token", 200, """{"token":"a"}""");
        using var sut = _wire.CreateClient();

        var call = () => sut.Weavr.RequestAccessTokenAsync(new IdentityId(IdentityType.Consumer, id), WeavrCallOptions.WithToken(new Secret("t")));

        await AssertAcceptedOrRefusedAsync(valid, call, "identity");
    }

    private async Task AssertAcceptedOrRefusedAsync(bool valid, Func<Task> call, string parameter)
    {
        if (valid)
        {
            await call();
            _wire.SingleRequest();
        }
        else
        {
            var ex = await Assert.ThrowsAnyAsync<ArgumentException>(call);
            Assert.Equal(parameter, ex.ParamName);
            Assert.Empty(_wire.Server.LogEntries);
        }
    }

    private YamlNode Schema(string name) =>
        WeavrOpenApiFixture.Child(WeavrOpenApiFixture.Map(WeavrOpenApiFixture.Map(_spec.Root, "components"), "schemas"), name)
        ?? throw new InvalidOperationException($"The spec has no schema {name}.");

    private static string Scalar(YamlNode node, string key) =>
        WeavrOpenApiFixture.Child(node, key) is YamlScalarNode scalar ? scalar.Value! : throw new InvalidOperationException($"No '{key}'.");
}
