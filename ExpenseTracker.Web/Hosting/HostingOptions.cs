namespace ExpenseTracker.Web.Hosting;

/// <summary>The "Hosting" section: how the app is reached and where its logs go. Both are off on a laptop.</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>
    /// True when every request comes through CloudFront and API Gateway (the Lambda Web Adapter in front of Kestrel),
    /// so the X-Forwarded-* headers they add are trusted. Never set it where clients reach Kestrel directly.
    /// </summary>
    public bool BehindProxy { get; set; }

    /// <summary>One JSON object per log line for CloudWatch. Always on inside Lambda (AWS_LAMBDA_FUNCTION_NAME is set there).</summary>
    public bool JsonLogs { get; set; }

    /// <summary>The variable the Lambda runtime sets for every function; its presence means we run in AWS.</summary>
    public const string LambdaFunctionNameVariable = "AWS_LAMBDA_FUNCTION_NAME";

    public static HostingOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<HostingOptions>() ?? new HostingOptions();
}
