using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Htmx;
using ExpenseTracker.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExpenseTracker.Web.Categories;

/// <summary>
/// Lists the built-in and custom categories; adds, renames and deletes custom ones. Every change redirects
/// back here; htmx follows the redirect and swaps only the category section.
/// </summary>
public sealed class IndexModel(CategoryCatalog catalog, ICurrentUser user) : PageModel
{
    public IReadOnlyList<Category> Categories { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    /// <summary>The category a failed rename or delete was about, so the message shows beside it.</summary>
    public string? ProblemCategoryId { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Categories = await catalog.ListAsync(user.UserId, cancellationToken);

    public Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken) =>
        ChangeAsync(null, async () =>
        {
            var added = await catalog.AddAsync(user.UserId, Name!, cancellationToken);
            return $"Added \"{added.Name}\".";
        }, validateName: true, cancellationToken);

    public Task<IActionResult> OnPostRenameAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, async () =>
        {
            var renamed = await catalog.RenameAsync(user.UserId, id, Name!, cancellationToken);
            return $"Renamed to \"{renamed.Name}\".";
        }, validateName: true, cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, async () =>
        {
            await catalog.DeleteAsync(user.UserId, id, cancellationToken);
            return "Category deleted.";
        }, validateName: false, cancellationToken);

    private async Task<IActionResult> ChangeAsync(string? categoryId, Func<Task<string>> change, bool validateName, CancellationToken cancellationToken)
    {
        if (validateName && CategoryCatalog.NameProblem(Name) is { } nameProblem)
        {
            return await ProblemAsync(categoryId, nameProblem, StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }

        try
        {
            TempData["Flash"] = await change();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (StoreException exception) when (exception is DuplicateNameException or CategoryInUseException)
        {
            return await ProblemAsync(categoryId, exception.Message, StatusCodes.Status409Conflict, cancellationToken);
        }

        Response.TriggerHtmxEvents("categories-changed");
        return RedirectToPage();
    }

    private async Task<IActionResult> ProblemAsync(string? categoryId, string message, int htmxStatus, CancellationToken cancellationToken)
    {
        ProblemCategoryId = categoryId;
        Problem = message;
        Categories = await catalog.ListAsync(user.UserId, cancellationToken);
        if (Request.IsHtmx())
        {
            Response.StatusCode = htmxStatus;
        }

        return Page();
    }
}
