using Microsoft.AspNetCore.Http.Features;

namespace ExpenseTracker.Web.Hosting;

/// <summary>
/// The largest request body an endpoint accepts, when it is not the app's usual 1 MB: the forms that carry receipts take
/// five files of 10 MB, the upload check far less. <c>RequestBodyGate</c> applies it, to the server's limit and to the
/// form it reads, before anything else reads the body. Unlike <c>[RequestSizeLimit]</c>, which logs a warning on every
/// request to a server that cannot limit bodies (the in-process test server), it is applied only where the server lets it be.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public class RequestBodyLimitAttribute(long bytes) : Attribute
{
    /// <summary>The limit for this app; an endpoint whose limit is configured reads it from <paramref name="services"/>.</summary>
    public virtual long BytesFor(IServiceProvider services) => bytes;

    /// <summary>The most fields the endpoint's form may have, when it is not the app's usual 100 (0).</summary>
    public int FormFields { get; set; }
}

public static class RequestBodyLimitExtensions
{
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
