using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace ExpenseTracker.Web.Api;

/// <summary>
/// Turns a request the JSON endpoints could not bind (malformed JSON, a value of the wrong type, a missing body,
/// a query value that is not a number) into a 400 ProblemDetails that says what was wrong, instead of a bare status.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var detail = badRequest.InnerException is JsonException json
            ? $"The request body is not valid JSON for this endpoint: {json.Message}"
            : badRequest.Message;
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = badRequest.StatusCode, Title = "The request could not be read", Detail = detail },
        });
    }
}
