using Refit;

namespace AuthClient.AotDesignFloor;

/// <summary>The login as a Refit generated client; the api-key is a default header.</summary>
public interface IFloorLoginApi
{
    /// <summary><c>POST /login_with_password</c>.</summary>
    /// <param name="body">The credentials.</param>
    /// <returns>The token answer.</returns>
    [Post("/login_with_password")]
    Task<FloorLoginAnswer> LoginAsync([Body] FloorLoginBody body);
}
