namespace ExpenseTracker.Benchmark;

/// <summary>What one request brought back: its body's size, or what was wrong with it.</summary>
public readonly record struct Outcome(long Bytes, string? Problem)
{
    public static Outcome Failed(string problem) => new(0, problem);
}

/// <summary>One kind of request the benchmark measures, such as the expense page or adding an expense.</summary>
public abstract class Scenario(string key, string title, string request)
{
    /// <summary>A short stable name (results are matched across sizes by it).</summary>
    public string Key => key;

    public string Title => title;

    /// <summary>The method and path, as the report shows them.</summary>
    public string Request => request;

    /// <summary>Writes run after every read, so that no read sees the expenses they add.</summary>
    public virtual bool IsWrite => false;

    /// <summary>Runs once with the app up, before the warm-up: finds what the requests need (a deep cursor, expenses to edit).</summary>
    public virtual Task PrepareAsync(HttpClient client, int concurrency, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Sends one request and checks its status. <paramref name="worker"/> and its own <paramref name="iteration"/> count
    /// let a scenario keep concurrent clients apart; the first request of each worker also has its content checked.
    /// </summary>
    public abstract Task<Outcome> SendAsync(HttpClient client, int worker, int iteration, CancellationToken cancellationToken);
}
