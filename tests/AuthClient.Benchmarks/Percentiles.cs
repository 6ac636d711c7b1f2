namespace AuthClient.Benchmarks;

/// <summary>The one way the measuring tools summarise their samples: the nearest-rank percentile.</summary>
internal static class Percentiles
{
    /// <summary>The smallest sample that at least <paramref name="p"/> of the samples do not exceed (0.5 is the median).</summary>
    public static double Of(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
