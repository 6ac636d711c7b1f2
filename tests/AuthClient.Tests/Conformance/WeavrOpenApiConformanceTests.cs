using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using AuthClient.Errors;
using AuthClient.Primitives;
using AuthClient.Weavr;
using AuthClient.Weavr.Internal;
using AuthClient.Weavr.Models;
using Refit;
using YamlDotNet.RepresentationModel;

namespace AuthClient.Tests.Conformance;

/// <summary>
/// The SDK's view of Weavr (the <see cref="WeavrEndpoints"/> catalogue the handlers read, the Refit attributes of
/// <see cref="IWeavrApi"/>, and the JSON the source-generated <see cref="WeavrJsonContext"/> writes and reads) checked
/// against Weavr's own OpenAPI document. Reflection is fine here: it runs in tests only.
/// </summary>
public sealed partial class WeavrOpenApiConformanceTests(WeavrOpenApiFixture spec) : IClassFixture<WeavrOpenApiFixture>
{
    private const string IdempotencyRef = "idempotency-ref";

    /// <summary>Maximal request samples: every optional field set, so every property the client can send is checked.</summary>
    private static readonly IReadOnlyDictionary<Type, object> RequestSamples = new Dictionary<Type, object>
    {
        [typeof(LoginWithPasswordRequest)] = new LoginWithPasswordRequest("a@example.com", new SensitivePassword(new Secret("p"))),
        [typeof(LoginViaBiometricsRequest)] = new LoginViaBiometricsRequest("a@example.com", new IdentityId(IdentityType.Consumer, "1")),
        [typeof(AccessTokenRequest)] = new AccessTokenRequest(new IdentityId(IdentityType.Corporate, "1")) { ClientAssertion = new Secret("jwt"), Token = new Secret("one-time") },
        [typeof(VerificationCodeRequest)] = new VerificationCodeRequest(new Secret("123456")),
        [typeof(PasswordUpdateRequest)] = new PasswordUpdateRequest(new SensitivePassword(new Secret("o")), new SensitivePassword(new Secret("n"))),
        [typeof(PasswordValidateRequest)] = new PasswordValidateRequest(new SensitivePassword(new Secret("p"))),
        [typeof(EmailRequest)] = new EmailRequest("a@example.com"),
        [typeof(LostPasswordResumeRequest)] = new LostPasswordResumeRequest(new Secret("123456"), "a@example.com", new SensitivePassword(new Secret("n"))),
    };

    public static TheoryData<string> CatalogueOperations => [.. WeavrEndpoints.All.Select(e => e.OperationId)];

    public static TheoryData<string> ApiMethods => [.. typeof(IWeavrApi).GetMethods().Select(m => m.Name)];

    [Fact]
    public void Fixture_LoadsTheVendoredDocument()
    {
        Assert.EndsWith(WeavrOpenApiFixture.RelativePath.Replace('/', Path.DirectorySeparatorChar), spec.FilePath, StringComparison.Ordinal);
        Assert.Equal("3.1.0", WeavrOpenApiFixture.Scalar(WeavrOpenApiFixture.Child(spec.Root, "openapi")!));
        Assert.True(spec.Paths.Children.Count > 100, "The whole Multi document should load, not a fragment.");
    }

    [Fact]
    public void Catalogue_And_IWeavrApi_AreOneToOne()
    {
        var catalogue = WeavrEndpoints.All.Select(e => (e.Method.Method, e.Template)).ToList();
        var api = typeof(IWeavrApi).GetMethods().Select(m => Route(m)).Select(r => (r.Method.Method, r.Path)).ToList();

        Assert.Equal(17, catalogue.Count);
        Assert.Equal(17, api.Count);
        Assert.Equal(catalogue.Count, catalogue.Distinct().Count());
        Assert.Equal(api.Count, api.Distinct().Count());
        Assert.Equal(catalogue.Order(), api.Order());
        Assert.Equal(WeavrEndpoints.All.Count, WeavrEndpoints.All.Select(e => e.OperationId).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CatalogueOperations))]
    public void CatalogueOperation_InSpec_SameMethodPathAndOperationId(string operationId)
    {
        var endpoint = Endpoint(operationId);

        var operation = spec.Operation(endpoint.Template, endpoint.Method.Method);

        Assert.True(operation is not null, $"The spec has no {endpoint.Method} {endpoint.Template}.");
        Assert.Equal(operationId, WeavrOpenApiFixture.Scalar(WeavrOpenApiFixture.Child(operation, "operationId")!));
    }

    [Theory]
    [MemberData(nameof(ApiMethods))]
    public void IWeavrApiMethod_InSpecAndCatalogue_SameRoute(string methodName)
    {
        var method = typeof(IWeavrApi).GetMethod(methodName)!;
        var (http, path) = Route(method);

        Assert.NotNull(spec.Operation(path, http.Method));
        var endpoint = Assert.Single(WeavrEndpoints.All, e => e.Method == http && e.Template == path);

        // The catalogue's path patterns (the handlers' fallback when a request carries no Refit template) recognise the
        // route under a base path.
        var concrete = TemplateParameter().Replace(path, "SMS");
        Assert.Same(endpoint, WeavrEndpoints.Find(new HttpRequestMessage(http, "https://sandbox.weavr.io/multi" + concrete)));
    }

    [Theory]
    [MemberData(nameof(CatalogueOperations))]
    public void CatalogueOperation_PathParameters_MatchSpecAndIWeavrApi(string operationId)
    {
        var endpoint = Endpoint(operationId);
        var template = TemplateParameter().Matches(endpoint.Template).Select(m => m.Groups["name"].Value).Order().ToList();

        var specParameters = spec.Parameters(endpoint.Template, endpoint.Method.Method)
            .Where(p => Text(p, "in") == "path")
            .Select(p => Text(p, "name"))
            .Order()
            .ToList();
        var apiParameters = ApiMethod(endpoint).GetParameters()
            .Where(p => p.GetCustomAttributes().All(a => a is not BodyAttribute and not QueryAttribute and not PropertyAttribute)
                && p.ParameterType != typeof(CancellationToken))
            .Select(p => p.Name!)
            .Order()
            .ToList();

        Assert.Equal(specParameters, template);
        Assert.Equal(specParameters, apiParameters);
        Assert.All(
            spec.Parameters(endpoint.Template, endpoint.Method.Method).Where(p => Text(p, "in") == "path"),
            p => Assert.Equal("true", Text(p, "required")));
    }

    [Theory]
    [MemberData(nameof(CatalogueOperations))]
    public void CatalogueOperation_QueryParameters_MatchSpec(string operationId)
    {
        var endpoint = Endpoint(operationId);

        var specQuery = spec.Parameters(endpoint.Template, endpoint.Method.Method)
            .Where(p => Text(p, "in") == "query")
            .Select(p => Text(p, "name"))
            .Order();
        var apiQuery = ApiMethod(endpoint).GetParameters()
            .Where(p => p.GetCustomAttribute<QueryAttribute>() is not null)
            .Select(p => p.Name!)
            .Order();

        Assert.Equal(specQuery, apiQuery);
    }

    [Theory]
    [MemberData(nameof(CatalogueOperations))]
    public void CatalogueOperation_BearerFlags_MatchSpecSecurity(string operationId)
    {
        var endpoint = Endpoint(operationId);
        var security = spec.Security(spec.Operation(endpoint.Template, endpoint.Method.Method)!);

        Assert.NotEmpty(security);
        Assert.All(security, requirement => Assert.Contains("api-key", requirement));
        var withBearer = security.Any(r => r.Contains("auth_token"));
        var withoutBearer = security.Any(r => !r.Contains("auth_token"));
        Assert.Equal(withBearer, endpoint.Bearer);
        Assert.Equal(withBearer && withoutBearer, endpoint.BearerOptional);
    }

    [Theory]
    [MemberData(nameof(CatalogueOperations))]
    public void CatalogueOperation_IdempotencyRef_DeclaredExactlyWhereSpecDeclaresIt(string operationId)
    {
        var endpoint = Endpoint(operationId);

        var declared = spec.Parameters(endpoint.Template, endpoint.Method.Method)
            .Any(p => Text(p, "name") == IdempotencyRef && Text(p, "in") == "header");

        // API.md §5: the 3.63.5 seed rendering of DELETE /authentication_factors/push/{channel} omits the header, but the
        // 3.63.5 reference declares it. This yml agrees with the reference (and the catalogue), so no exception is
        // needed here; CatalogueOperation_UnlinkDeviceUsingPush_DeclaresIdempotencyRef pins that difference explicitly.
        Assert.Equal(declared, endpoint.DeclaresIdempotencyRef);
    }

    [Fact]
    public void Logout_IsTheOnlyDeprecatedOperation_AndItsDocsSaySo()
    {
        var deprecated = WeavrEndpoints.All
            .Where(e => WeavrOpenApiFixture.Child(spec.Operation(e.Template, e.Method.Method)!, "deprecated") is YamlScalarNode { Value: "true" })
            .Select(e => e.OperationId);

        Assert.Equal(["logout"], deprecated);
        Assert.All(
            new[] { "src/AuthClient/Weavr/IWeavrAuthClient.cs", "src/AuthClient/Sessions/IWeavrSession.cs", "docs/sessions-and-step-up.md" },
            file => Assert.Contains("marks `POST /logout` `deprecated", File.ReadAllText(Support.SourceTree.PathOf(file)).Replace("<c>", "`", StringComparison.Ordinal).Replace("</c>", "`", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public void CatalogueOperation_UnlinkDeviceUsingPush_DeclaresIdempotencyRef()
    {
        Assert.True(WeavrEndpoints.UnlinkPush.DeclaresIdempotencyRef);
        Assert.Contains(spec.Parameters("/authentication_factors/push/{channel}", "delete"), p => Text(p, "name") == IdempotencyRef);
        Assert.Equal(7, WeavrEndpoints.All.Count(e => e.DeclaresIdempotencyRef));
    }

    [Theory]
    [MemberData(nameof(CatalogueOperations))]
    public void CatalogueOperation_RequestBody_EveryPropertySentIsDocumentedAndEveryRequiredOneIsSent(string operationId)
    {
        var endpoint = Endpoint(operationId);
        var operation = spec.Operation(endpoint.Template, endpoint.Method.Method)!;
        var bodyParameter = ApiMethod(endpoint).GetParameters().SingleOrDefault(p => p.GetCustomAttribute<BodyAttribute>() is not null);
        var specBody = WeavrOpenApiFixture.Child(operation, "requestBody");

        if (bodyParameter is null)
        {
            Assert.True(specBody is null, $"{operationId} documents a request body the SDK never sends.");
            return;
        }

        Assert.True(specBody is not null, $"{operationId} sends a body the spec does not document.");
        var schema = spec.JsonSchema(specBody);
        Assert.NotNull(schema);
        var sample = RequestSamples[bodyParameter.ParameterType];
        var typeInfo = WeavrJsonContext.Default.GetTypeInfo(bodyParameter.ParameterType)!;
        var json = JsonNode.Parse(JsonSerializer.Serialize(sample, typeInfo))!.AsObject();

        // The sample must be maximal, or a property the client can send would escape the check.
        Assert.Equal(typeInfo.Properties.Select(p => p.Name).Order(), json.Select(p => p.Key).Order());
        CheckSentJson(json, schema, operationId);
    }

    [Theory]
    [MemberData(nameof(CatalogueOperations))]
    public void CatalogueOperation_SuccessResponse_ShapeAndEveryPropertyReadIsDocumented(string operationId)
    {
        var endpoint = Endpoint(operationId);
        var responses = WeavrOpenApiFixture.Map(spec.Operation(endpoint.Template, endpoint.Method.Method), "responses")!;
        var returnType = ApiMethod(endpoint).ReturnType;
        var has200 = WeavrOpenApiFixture.Child(responses, "200") is not null;
        var has204 = WeavrOpenApiFixture.Child(responses, "204") is not null;

        if (returnType == typeof(Task))
        {
            Assert.True(has204 && !has200, $"{operationId} returns no body in the SDK, so the spec must answer 204 only.");
            return;
        }

        Assert.True(has200, $"{operationId} reads a body the spec does not document (no 200).");
        var schema = spec.JsonSchema(WeavrOpenApiFixture.Child(responses, "200"));
        Assert.NotNull(schema);
        CheckReadType(returnType.GetGenericArguments()[0], schema, operationId);
    }

    [Theory]
    [MemberData(nameof(CatalogueOperations))]
    public void CatalogueOperation_EveryDocumentedErrorCode_HasAConstant(string operationId)
    {
        var endpoint = Endpoint(operationId);
        var responses = WeavrOpenApiFixture.Map(spec.Operation(endpoint.Template, endpoint.Method.Method), "responses")!;
        var constants = typeof(WeavrErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);

        var documented = responses.Children.Values
            .Select(spec.JsonSchema)
            .OfType<YamlMappingNode>()
            .Select(s => spec.Properties(s).GetValueOrDefault("errorCode"))
            .OfType<YamlMappingNode>()
            .SelectMany(spec.Enum)
            .Distinct()
            .ToList();

        Assert.All(documented, code => Assert.Contains(code, constants));
    }

    private void CheckSentJson(JsonObject json, YamlMappingNode schema, string where)
    {
        var allowed = spec.Properties(schema);
        foreach (var (name, value) in json)
        {
            Assert.True(allowed.ContainsKey(name), $"{where}: the client sends '{name}', which the spec does not document (allowed: {string.Join(", ", allowed.Keys)}).");
            var propertySchema = allowed[name];
            if (value is JsonObject child)
            {
                CheckSentJson(child, propertySchema, $"{where}.{name}");
            }
            else if (value is JsonArray array && WeavrOpenApiFixture.Child(propertySchema, "items") is { } items)
            {
                foreach (var item in array.OfType<JsonObject>())
                {
                    CheckSentJson(item, (YamlMappingNode)spec.Resolve(items), $"{where}.{name}[]");
                }
            }
        }

        foreach (var required in spec.Required(schema))
        {
            Assert.True(json.ContainsKey(required), $"{where}: the spec requires '{required}', which the client does not send.");
        }
    }

    private void CheckReadType(Type type, YamlMappingNode schema, string where)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(IdentitiesResponse))
        {
            type = typeof(IdentitiesPayload); // Its converter reads the documented wrapper through this shape.
        }

        var info = WeavrJsonContext.Default.GetTypeInfo(type);
        switch (info?.Kind)
        {
            case JsonTypeInfoKind.Object:
                var allowed = spec.Properties(schema);
                Assert.NotEmpty(info.Properties);
                foreach (var property in info.Properties)
                {
                    Assert.True(
                        allowed.ContainsKey(property.Name),
                        $"{where}: the SDK reads '{property.Name}' ({type.Name}), which the spec does not document (documented: {string.Join(", ", allowed.Keys)}).");
                    CheckReadType(property.PropertyType, allowed[property.Name], $"{where}.{property.Name}");
                }

                break;
            case JsonTypeInfoKind.Enumerable:
                var items = WeavrOpenApiFixture.Child(schema, "items");
                Assert.True(items is not null, $"{where}: the SDK reads a list, the spec documents no array.");
                // JsonTypeInfo.ElementType is System.Text.Json 9+; the net8.0 leg runs on the 8.0 line.
                var element = type.IsArray
                    ? type.GetElementType()!
                    : type.GetInterfaces().Append(type).First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0];
                CheckReadType(element, (YamlMappingNode)spec.Resolve(items), $"{where}[]");
                break;
            default:
                // A scalar: string, number, Secret or an open enum. Open enums must accept every documented value.
                if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IOpenEnum<>)))
                {
                    CheckOpenEnum(type, schema, where);
                }

                break;
        }
    }

    private void CheckOpenEnum(Type type, YamlMappingNode schema, string where)
    {
        var documented = spec.Enum(schema);
        var fromValue = type.GetMethod("FromValue", BindingFlags.Public | BindingFlags.Static)!;
        foreach (var value in documented)
        {
            var parsed = fromValue.Invoke(null, [value])!;
            var isKnown = (bool)type.GetProperty("IsKnown")!.GetValue(parsed)!;
            Assert.True(isKnown, $"{where}: the spec documents {type.Name} '{value}', which the SDK does not know.");
        }
    }

    private static WeavrEndpoint Endpoint(string operationId) => WeavrEndpoints.All.Single(e => e.OperationId == operationId);

    private static MethodInfo ApiMethod(WeavrEndpoint endpoint) =>
        typeof(IWeavrApi).GetMethods().Single(m => Route(m) is var r && r.Method == endpoint.Method && r.Path == endpoint.Template);

    private static (HttpMethod Method, string Path) Route(MethodInfo method)
    {
        var attribute = method.GetCustomAttribute<HttpMethodAttribute>()
            ?? throw new InvalidOperationException($"{method.Name} has no Refit HTTP method attribute.");
        return (attribute.Method, attribute.Path);
    }

    private static string Text(YamlMappingNode node, string key) =>
        WeavrOpenApiFixture.Child(node, key) is YamlScalarNode scalar ? scalar.Value ?? string.Empty : string.Empty;

    [GeneratedRegex(@"\{(?<name>[^/{}]+)\}")]
    private static partial Regex TemplateParameter();
}
