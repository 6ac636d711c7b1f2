using System.Text.Json.Serialization;

namespace AuthClient.Webhooks.Internal;

/// <summary>Source-generated JSON metadata for webhook bodies: no reflection (trimming/AOT-safe). Unknown fields are ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(StepUpEventPayload))]
[JsonSerializable(typeof(LoginEventPayload))]
[JsonSerializable(typeof(EnrolmentEventPayload))]
[JsonSerializable(typeof(UserDeactivatedEventPayload))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
