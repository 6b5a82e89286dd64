using Htmx.TagHelpers;

namespace ExpenseTracker.Web.Rendering;

/// <summary>The htmx settings the layout's <c>htmx-config</c> meta tag carries (through Htmx.TagHelpers).</summary>
public static class HtmxConfiguration
{
    /// <summary>
    /// Attributes htmx copies from the old element to the swapped-in one. Never style: copying a chart canvas's style
    /// onto its replacement is an inline style, which the Content-Security-Policy refuses.
    /// </summary>
    public static readonly IReadOnlyList<string> AttributesToSettle = ["class", "width", "height"];

    /// <summary>
    /// 409 (changed elsewhere) and 422 (form errors) are swapped like a 200: those responses carry the form to show again.
    /// Other errors are not swapped; the page's one htmx:responseError handler says what happened.
    /// </summary>
    public static readonly IReadOnlyList<HtmxResponseHandling> ResponseHandling =
    [
        new() { Code = "204", Swap = false },
        new() { Code = "[23]..", Swap = true },
        new() { Code = "409", Swap = true, Error = false },
        new() { Code = "422", Swap = true, Error = false },
        new() { Code = "[45]..", Swap = false, Error = true },
    ];
}
