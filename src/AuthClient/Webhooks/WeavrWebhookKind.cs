namespace AuthClient.Webhooks;

/// <summary>The authentication webhooks this SDK receives, one per Weavr watch path (see <see cref="WeavrWebhookPaths"/>).</summary>
public enum WeavrWebhookKind
{
    /// <summary><c>/login/watch</c>: parsed as <see cref="LoginEvent"/>.</summary>
    Login = 1,

    /// <summary><c>/stepup/watch</c>: parsed as <see cref="StepUpEvent"/>.</summary>
    StepUp = 2,

    /// <summary><c>/authentication_factors/watch</c>: parsed as <see cref="EnrolmentEvent"/>.</summary>
    Enrolment = 3,

    /// <summary><c>/auth/users/user_deactivated/watch</c>: parsed as <see cref="UserDeactivatedEvent"/>.</summary>
    UserDeactivated = 4,
}
