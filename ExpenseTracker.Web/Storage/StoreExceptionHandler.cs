using ExpenseTracker.Web.ErrorHandling;
using Microsoft.AspNetCore.Diagnostics;

namespace ExpenseTracker.Web.Storage;

/// <summary>
/// The safety net for store failures that a handler did not catch itself: answers with the matching status
/// (404, 409, 400, 503) instead of a 500, as ProblemDetails on the API and as the error page elsewhere.
/// Other exceptions pass on to the default handling.
/// </summary>
public sealed class StoreExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    /// <summary>Where the store's message waits for the error page of the same request.</summary>
    public const string ErrorDetailKey = "ExpenseTracker.ErrorDetail";

    /// <summary>How long a 503 asks the client to wait before trying again.</summary>
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if ((exception as StoreException ?? UnavailableWithin(exception)) is not { } storeException)
        {
            return false;
        }

        var (status, title) = StatusFor(storeException);
        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            // Both kinds of 503 pass: a busy month in a moment, a store that was away once it is back.
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        if (!httpContext.Request.IsApi())
        {
            // The status-code page middleware renders the error page for this bare status, with this message.
            httpContext.Items[ErrorDetailKey] = storeException.Message;
            return true;
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = storeException.Message },
        });
    }

    /// <summary>
    /// A store that cannot be reached, under a wrapper: Data Protection wraps a key ring it cannot read (the DynamoDB
    /// key ring is in the store) in a CryptographicException, which would otherwise be a 500.
    /// </summary>
    private static StoreUnavailableException? UnavailableWithin(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is StoreUnavailableException unavailable)
            {
                return unavailable;
            }
        }

        return null;
    }

    public static (int Status, string Title) StatusFor(StoreException exception) => exception switch
    {
        NotFoundException => (StatusCodes.Status404NotFound, "Not found"),
        ConcurrencyConflictException => (StatusCodes.Status409Conflict, "Changed elsewhere"),
        DuplicateNameException => (StatusCodes.Status409Conflict, "Name already used"),
        CategoryInUseException => (StatusCodes.Status409Conflict, "Category in use"),
        InvalidCursorException => (StatusCodes.Status400BadRequest, "Invalid page link"),
        InvalidValueException => (StatusCodes.Status400BadRequest, "Cannot be stored"),
        StoreUnavailableException => (StatusCodes.Status503ServiceUnavailable, "Storage unavailable"),
        StoreBusyException => (StatusCodes.Status503ServiceUnavailable, "Busy"),
        _ => (StatusCodes.Status500InternalServerError, "Storage error"),
    };
}
