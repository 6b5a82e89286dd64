using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseTracker.Web.Tests.HostileInput;

public enum RouteKind
{
    /// <summary>A Razor page handler: answers HTML.</summary>
    Page,

    /// <summary>A JSON endpoint under /api: answers JSON or ProblemDetails.</summary>
    Api,

    /// <summary>Anything else (health, the OpenAPI document, robots.txt, scripts).</summary>
    Other,
}

/// <summary>
/// One way into the app: a method, a route and, for a page, the handler it runs, with what the route takes that
/// hostile input aims at (dates in the query string, a date field in its form, a JSON body).
/// </summary>
/// <param name="Template">The route as the app declares it ("/expenses/{id}/edit").</param>
/// <param name="Query">The query parameters the route reads ("from", "to", "category", "pageSize", ...).</param>
/// <param name="DateField">The form field that carries a date ("Input.Date"), if the handler's form has one.</param>
/// <param name="JsonBody">The type the route reads its JSON body into.</param>
/// <param name="TakesId">Whether the route names an item by id, in its path ({id}) or in its query string (id=).</param>
public sealed partial record AppRoute(
    string Method, string Template, string? Handler, RouteKind Kind, bool Anonymous, IReadOnlyList<string> Query, string? DateField, Type? JsonBody,
    bool TakesId)
{
    /// <summary>The query parameters that carry dates.</summary>
    public IReadOnlyList<string> DateQuery => [.. Query.Where(name => name is "from" or "to")];

    /// <summary>
    /// The route with <paramref name="id"/> (already escaped) where it names an item, and the handler where the page's
    /// links put it: in the path for a route with a {handler?} segment, else in the query string.
    /// </summary>
    public string Url(string id, string? query = null)
    {
        var inPath = Template.Contains("{id}", StringComparison.Ordinal);
        var handlerInPath = Template.EndsWith("/{handler?}", StringComparison.Ordinal);
        var template = handlerInPath ? Template[..^"/{handler?}".Length] + (Handler is { Length: > 0 } name ? "/" + name.ToLowerInvariant() : "") : Template;
        var path = RouteParameter().Replace(template, match => match.Groups[1].Value == "status" ? "404" : id);
        var parts = new[] { Handler is { Length: > 0 } handler && !handlerInPath ? $"handler={handler}" : null, TakesId && !inPath ? $"id={id}" : null, query }
            .Where(part => !string.IsNullOrEmpty(part));
        return parts.Any() ? $"{path}?{string.Join('&', parts)}" : path;
    }

    public override string ToString() => $"{Method} {Url("{id}")}";

    [GeneratedRegex(@"\{([a-z]+)(:[a-z]+)?\}")]
    private static partial Regex RouteParameter();
}

/// <summary>
/// Every route the app answers, read from its endpoint data source (each page expanded into its handlers, found on
/// its page model), so that a new page handler or API route is in every hostile-input test from the day it exists.
/// </summary>
public static partial class AppRoutes
{
    public static IReadOnlyList<AppRoute> Of(IServiceProvider services)
    {
        var pageModels = typeof(Program).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .Where(item => item.Kind == "mvc.1.0.razor-page")
            .ToDictionary(item => item.Identifier, item => item.Type.GetProperty("Model")!.PropertyType, StringComparer.OrdinalIgnoreCase);
        var routes = new List<AppRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            // A group's root route ("/api/expenses/") is the same address without its last slash.
            var template = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is { } page)
            {
                routes.AddRange(PageRoutes(pageModels[page.RelativePath], template, anonymous));
                continue;
            }

            var kind = template.StartsWith("/api/", StringComparison.Ordinal) ? RouteKind.Api : RouteKind.Other;
            var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
            var query = handler?.GetParameters().SelectMany(parameter => QueryOf(parameter.ParameterType)).Distinct().ToList() ?? [];
            // A JSON body only: the receipts' multipart files and a backup's bytes have their own refusals and tests.
            var body = endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts && accepts.ContentTypes.Contains("application/json")
                && accepts.RequestType != typeof(byte[]) ? accepts.RequestType : null;
            var takesId = template.Contains("{id}", StringComparison.Ordinal);
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                routes.Add(new AppRoute(method, template, null, kind, anonymous, query, null, body, takesId));
            }
        }

        return routes;
    }

    private static IEnumerable<AppRoute> PageRoutes(Type model, string template, bool anonymous)
    {
        var dateField = model.GetProperties()
            .Where(property => property.GetCustomAttribute<BindPropertyAttribute>() is not null && property.PropertyType.GetProperty("Date")?.PropertyType == typeof(string))
            .Select(property => $"{property.Name}.Date")
            .FirstOrDefault();
        foreach (var method in model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (HandlerName().Match(method.Name) is not { Success: true } handler)
            {
                continue;
            }

            var verb = handler.Groups["verb"].Value.ToUpperInvariant();
            var query = method.GetParameters().SelectMany(parameter => QueryOf(parameter.ParameterType)).Distinct().ToList();
            var takesId = template.Contains("{id}", StringComparison.Ordinal) || method.GetParameters().Any(parameter => parameter.Name == "id");
            yield return new AppRoute(verb, template, handler.Groups["name"].Value, RouteKind.Page, anonymous, query, verb == "POST" ? dateField : null, null, takesId);
        }
    }

    /// <summary>The query parameters a bound type (a handler's [AsParameters] or filter object) reads, by the name they are bound from.</summary>
    private static IEnumerable<string> QueryOf(Type type) =>
        type == typeof(string) || type.IsPrimitive
            ? []
            : type.GetProperties()
                .Select(property => property.GetCustomAttribute<FromQueryAttribute>()?.Name ?? (property.Name is "From" or "To" ? property.Name.ToLowerInvariant() : null))
                .OfType<string>();

    [GeneratedRegex("^On(?<verb>Get|Post|Put|Delete)(?<name>(?!Async$)[A-Z][A-Za-z]*?)?(Async)?$")]
    private static partial Regex HandlerName();
}
