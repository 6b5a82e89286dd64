using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ExpenseTracker.Web.Accounts;

/// <summary>
/// Slows down password guessing from one address: the forms that check a password (sign in, register, change
/// password, delete account) accept a limited number of posts per client IP per window. Reading the forms is free.
/// </summary>
public static class AccountRateLimits
{
    public const string PolicyName = "password-forms";

    public static IServiceCollection AddAccountRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteRejectionAsync;
            limiter.AddPolicy(PolicyName, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("reads");
                }

                var settings = context.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.RateLimit;
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter("ip:" + address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PermitLimit,
                    Window = settings.Window,
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(
            $"Too many attempts from your network. Nothing was changed. Wait {seconds} seconds, then try again.", cancellationToken);
    }
}
