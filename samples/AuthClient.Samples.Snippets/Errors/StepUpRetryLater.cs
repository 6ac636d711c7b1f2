#region errors-conflict
using AuthClient.Errors;
using AuthClient.Weavr;
using AuthClient.Weavr.Models;
using Microsoft.Extensions.Logging;

namespace MyApp;

public sealed class StepUpStarter(IWeavrAuthClient weavr, ILogger<StepUpStarter> logger)
{
    public async Task<bool> TryStartAsync(WeavrCallOptions auth, CancellationToken ct)
    {
        try
        {
            await weavr.StartOtpStepUpAsync(ScaChannel.Sms, auth, ct);
            return true;
        }
        catch (WeavrConflictException e) when (e.ErrorCode == WeavrErrorCodes.RetryIn15Sec)
        {
            logger.LogInformation("Too soon; request-ref {RequestRef}", e.RequestRef);
            return false;
        }
    }
}
#endregion
