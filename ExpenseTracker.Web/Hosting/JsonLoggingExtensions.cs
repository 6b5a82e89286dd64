namespace ExpenseTracker.Web.Hosting;

public static class JsonLoggingExtensions
{
    /// <summary>
    /// In AWS, one JSON object per line on stdout, which Lambda sends to CloudWatch and Logs Insights parses into
    /// fields. The app logs no request headers, cookies or bodies, so no token or key reaches the logs.
    /// </summary>
    public static ILoggingBuilder AddJsonLogsInAws(this ILoggingBuilder logging, IConfiguration configuration)
    {
        if (!UsesJsonLogs(configuration))
        {
            return logging;
        }

        logging.ClearProviders();
        logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            options.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
        });
        return logging;
    }

    public static bool UsesJsonLogs(IConfiguration configuration) =>
        HostingOptions.From(configuration).JsonLogs || configuration[HostingOptions.LambdaFunctionNameVariable] is { Length: > 0 };
}
