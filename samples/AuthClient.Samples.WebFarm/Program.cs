// The AuthClient web-farm sample: one process hosting the Weavr + Transmit emulator and three real ASP.NET Core
// backend instances (separate service providers, separate Kestrel ports on 127.0.0.1) sharing one Redis.
//
//   dotnet run --project samples/AuthClient.Samples.WebFarm -- --redis 127.0.0.1:6379 [--keep]
//     Without --redis it starts redis-server from PATH on a free port (persistence off) and stops it at the end.
//     --keep leaves this run's keys in Redis for inspection (their prefix is printed).
//
// The exit code is 0 only when every numbered step held, 1 when one did not, 2 when the arguments or Redis are missing.
using AuthClient.Samples.WebFarm;

string? redis = null;
var keep = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--redis" when i + 1 < args.Length:
            redis = args[++i];
            break;
        case "--keep":
            keep = true;
            break;
        case "--help" or "-h":
            Console.WriteLine(LocalRedis.Usage);
            return 0;
        default:
            Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'.\n\n{LocalRedis.Usage}");
            return 2;
    }
}

await using var local = redis is null ? LocalRedis.TryStart(Console.Error) : null;
if (redis is null && local is null)
{
    return 2;
}

if (keep && local is not null)
{
    Console.WriteLine("--keep: the redis-server started for this run stops at the end, and its keys with it; pass --redis to inspect them afterwards.");
}

return await FarmJourney.RunAsync(Console.Out, redis ?? local!.Address, keep);
