using System.Diagnostics;

namespace ExpenseTracker.Benchmark;

/// <summary>Latency and throughput of one request type: a fixed number of requests, a fixed number of clients.</summary>
public sealed record LoadResult(
    string Key, string Title, string Request, int Requests, int Errors, string? FirstProblem,
    double P50Milliseconds, double P95Milliseconds, double RequestsPerSecond, double CpuMillisecondsPerRequest, long AverageBytes,
    double? EngineCpuMillisecondsPerRequest = null);

/// <summary>
/// A bounded closed loop: <c>concurrency</c> clients each send their next request as soon as the last one is answered,
/// until <c>requests</c> are done. Each latency is the time from sending to the last byte of the body.
/// </summary>
public static class LoadLoop
{
    public static async Task<(double[] Latencies, TimeSpan Elapsed, int Errors, string? FirstProblem, long Bytes)> RunAsync(
        HttpClient client, Scenario scenario, int requests, int concurrency, CancellationToken cancellationToken)
    {
        var latencies = new double[requests];
        var next = -1;
        var errors = 0;
        var bytes = 0L;
        string? firstProblem = null;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (var iteration = 0; ; iteration++)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= requests)
                {
                    return;
                }

                var started = Stopwatch.GetTimestamp();
                Outcome outcome;
                try
                {
                    outcome = await scenario.SendAsync(client, worker, iteration, cancellationToken);
                }
                catch (HttpRequestException exception)
                {
                    outcome = Outcome.Failed(exception.Message);
                }

                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Interlocked.Add(ref bytes, outcome.Bytes);
                if (outcome.Problem is not null)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstProblem, outcome.Problem, null);
                }
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(workers);
        return (latencies, stopwatch.Elapsed, errors, firstProblem, bytes);
    }

    /// <summary>The nearest-rank percentile (0-100) of <paramref name="values"/>.</summary>
    public static double Percentile(double[] values, double percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
