using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ExpenseTracker.Web.Storage;

/// <summary>
/// The safety net for store failures that a handler did not catch itself: answers with ProblemDetails and the
/// matching status (404, 409, 400, 503) instead of a 500. Other exceptions pass on to the default handling.
/// </summary>
public sealed class StoreExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StoreException storeException)
        {
            return false;
        }

        var (status, title) = StatusFor(storeException);
        httpContext.Response.StatusCode = status;
        if (await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = exception.Message },
        }))
        {
            return true;
        }

        // A browser asks for HTML, which ProblemDetails does not write: it gets the same message as a small page
        // instead of an empty one.
        var html = HtmlEncoder.Default;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        await httpContext.Response.WriteAsync(
            $"<!doctype html><html lang=\"en\"><title>{html.Encode(title)}</title><h1>{html.Encode(title)}</h1><p>{html.Encode(exception.Message)}</p></html>",
            cancellationToken);
        return true;
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
        _ => (StatusCodes.Status500InternalServerError, "Storage error"),
    };
}
