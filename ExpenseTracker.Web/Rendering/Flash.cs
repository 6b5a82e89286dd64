using Htmx;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ExpenseTracker.Web.Rendering;

/// <summary>How a flash message looks: Bootstrap's alert colours.</summary>
public enum FlashKind
{
    Success,
    Warning,
    Danger,
}

/// <summary>
/// What a person's last action did, told once. <paramref name="UndoUrl"/>, when set, is where a post takes the action
/// back; the message then stays for <paramref name="Seconds"/>, the time the undo is offered.
/// </summary>
public sealed record FlashMessage(string Text, FlashKind Kind = FlashKind.Success, string? UndoUrl = null, int Seconds = FlashMessage.DefaultSeconds)
{
    /// <summary>Long enough to read a sentence twice; an action of the person's removes it sooner.</summary>
    public const int DefaultSeconds = 8;

    public string AlertClass => Kind switch
    {
        FlashKind.Warning => "alert-warning",
        FlashKind.Danger => "alert-danger",
        _ => "alert-success",
    };
}

/// <summary>
/// Flash messages have one home: the layout's status region (<c>#flash</c>, <c>role=status</c>, so screen readers
/// announce them), where flash.js shows one at a time, removes it after its seconds, and removes it at the person's
/// next action, so no message outlives the next action and none pile up. After a redirect (no JavaScript) a message
/// travels in TempData and the layout writes it into the region; to htmx it travels as the <c>flash</c> event of
/// HX-Trigger, whatever fragment the response swaps. No page or partial writes a message of its own.
/// </summary>
public static class Flash
{
    /// <summary>The htmx event (HX-Trigger) that carries a message to flash.js.</summary>
    public const string Event = "flash";

    private const string TextKey = "Flash";
    private const string KindKey = "FlashKind";
    private const string UndoKey = "FlashUndo";
    private const string SecondsKey = "FlashSeconds";

    /// <summary>Tells the person <paramref name="message"/>: in this htmx response, or on the page a redirect leads to.</summary>
    public static void Tell(this PageModel page, FlashMessage message)
    {
        if (page.Request.WantsFragment())
        {
            page.Response.TriggerFlash(message);
            return;
        }

        page.TempData[TextKey] = message.Text;
        page.TempData[KindKey] = message.Kind.ToString();
        page.TempData[SecondsKey] = message.Seconds;
        if (message.UndoUrl is not null)
        {
            page.TempData[UndoKey] = message.UndoUrl;
        }
    }

    public static void Tell(this PageModel page, string text) => page.Tell(new FlashMessage(text));

    /// <summary>The message a redirect carried here, if any (read once: TempData forgets it after this request).</summary>
    public static FlashMessage? Recall(ITempDataDictionary tempData) =>
        tempData[TextKey] is string text
            ? new FlashMessage(
                text,
                Enum.TryParse<FlashKind>(tempData[KindKey] as string, out var kind) ? kind : FlashKind.Success,
                tempData[UndoKey] as string,
                tempData[SecondsKey] as int? ?? FlashMessage.DefaultSeconds)
            : null;

    // System.Text.Json writes every character outside ASCII as \uXXXX, so the ₹ of a message is safe in a header.
    private static void TriggerFlash(this HttpResponse response, FlashMessage message) =>
        response.Htmx(headers => headers.WithTrigger(Event, new
        {
            text = message.Text,
            kind = message.Kind.ToString().ToLowerInvariant(),
            undo = message.UndoUrl,
            seconds = message.Seconds,
        }));
}
