namespace AuthClient.Testing.Internal;

/// <summary>The password operations that need no token: the policy check.</summary>
internal sealed partial class SandboxEngine
{
    /// <summary><c>POST /passwords/validate</c> (api-key only): 204, or 409 with the first rule the password breaks.</summary>
    private SandboxResponse ValidatePassword(SandboxRequest request)
    {
        if (!JsonBody.TryParseObject(request.Body, out var document))
        {
            return WeavrReplies.MalformedBody();
        }

        using (document)
        {
            var password = document!.RootElement.TryGetProperty("password", out var p) ? JsonBody.GetString(p, "value") : null;
            if (password is null)
            {
                return WeavrReplies.BadRequestField("password", "REQUIRED");
            }

            return CheckPasswordPolicy(password) is { } rejection ? WeavrReplies.Conflict(rejection) : WeavrReplies.Empty(204);
        }
    }
}
