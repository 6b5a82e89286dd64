using System.Text.Json;
using ExpenseTracker.Web.ErrorHandling;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ExpenseTracker.Web.Api;

/// <summary>
/// Answers a request the app could not read (malformed JSON, a value of the wrong kind, no body, a body too large)
/// with what is wrong in words a person uses and the field it is about, never the framework's own message (which
/// names .NET types). On the API a 400 ValidationProblem keyed by the field (or "body"); on a page the error page.
/// </summary>
public sealed class BadRequestExceptionHandler(IOptions<JsonOptions> json) : IExceptionHandler
{
    public const string BodyField = "body";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var status = badRequest.StatusCode;
        var (field, message) = status == StatusCodes.Status413PayloadTooLarge
            ? (BodyField, $"The request body is larger than this app accepts here ({RequestBodyGate.Size(RequestBodyGate.LimitsOf(httpContext).Bytes)}).")
            : badRequest.InnerException is JsonException unreadable
                ? JsonBodyProblems.Describe(unreadable, BodyType(httpContext), json.Value.SerializerOptions)
                : (BodyField, "Send the request body as one JSON object, with the header Content-Type: application/json. " + ApiProblems.Reference);
        httpContext.Response.StatusCode = status;
        if (!httpContext.Request.IsApi())
        {
            // The status-code page shows the error page for this status, with this sentence.
            httpContext.Items[Storage.StoreExceptionHandler.ErrorDetailKey] = message;
            return true;
        }

        var title = status == StatusCodes.Status413PayloadTooLarge ? "The request is too large." : "The request could not be read.";
        await TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = status,
            Title = title,
            Detail = message,
        }).ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>The type the endpoint reads its JSON body into, as its metadata declares it (the handler has left the endpoint by now).</summary>
    private static Type? BodyType(HttpContext context) =>
        (context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint())?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
}
