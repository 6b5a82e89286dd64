using Microsoft.AspNetCore.Http.Features;

namespace ExpenseTracker.Web.Hosting;

/// <summary>
/// The largest request body an endpoint accepts: the forms that carry receipts need more than Kestrel's 30 MB default,
/// the upload check far less. Unlike <c>[RequestSizeLimit]</c>, which logs a warning on every request to a server that
/// cannot limit bodies (the in-process test server), this is applied only where the server lets it be; there the
/// endpoint's multipart limit (<c>[RequestFormLimits]</c>) still bounds what is read.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequestBodyLimitAttribute(long bytes) : Attribute
{
    public long Bytes { get; } = bytes;
}

public static class RequestBodyLimitExtensions
{
    /// <summary>Sets the endpoint's <see cref="RequestBodyLimitAttribute"/>; after routing, before anything reads a body.</summary>
    public static WebApplication UseRequestBodyLimits(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimitAttribute>() is { } limit)
            {
                context.LimitRequestBody(limit.Bytes);
            }

            return next(context);
        });
        return app;
    }

    /// <summary>
    /// This request's body limit, where the server lets it be set (Kestrel, before the body is read; not the in-process
    /// test server): a longer body is then refused while it is read, even one sent without a length.
    /// </summary>
    public static void LimitRequestBody(this HttpContext context, long bytes)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
        {
            body.MaxRequestBodySize = bytes;
        }
    }
}
