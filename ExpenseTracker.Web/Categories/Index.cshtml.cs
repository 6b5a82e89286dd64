using ExpenseTracker.Web.Accounts;

namespace ExpenseTracker.Web.Categories;

/// <summary>
/// Lists the built-in and custom categories; adds, renames and deletes custom ones. A change made through htmx answers
/// the list section it changed; without JavaScript it redirects back here with a flash message.
/// </summary>
public sealed class IndexModel(CategoryCatalog catalog, ICurrentUser user) : PageModel
{
    public IReadOnlyList<Category> Categories { get; private set; } = [];

    [BindProperty]
    public CategoryForm Input { get; set; } = new();

    /// <summary>The category a failed rename or delete was about, so the message shows beside it.</summary>
    public string? ProblemCategoryId { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Categories = await catalog.ListAsync(user.UserId, cancellationToken);

    public Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken) =>
        ChangeAsync(null, needsName: true, async name => $"Added \"{(await catalog.AddAsync(user.UserId, name, cancellationToken)).Name}\".", cancellationToken);

    public Task<IActionResult> OnPostRenameAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, needsName: true, async name => $"Renamed to \"{(await catalog.RenameAsync(user.UserId, id, name, cancellationToken)).Name}\".", cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, needsName: false, async _ =>
        {
            await catalog.DeleteAsync(user.UserId, id, cancellationToken);
            return "Category deleted.";
        }, cancellationToken);

    /// <param name="change">Makes the change with the checked name and says what it did.</param>
    private async Task<IActionResult> ChangeAsync(string? categoryId, bool needsName, Func<string, Task<string>> change, CancellationToken cancellationToken)
    {
        var name = needsName ? Input.Validate() : Checked<string>.Valid("");
        if (name.Value is null)
        {
            return await ProblemAsync(categoryId, name.Errors[nameof(CategoryForm.Name)][0], StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }

        string message;
        try
        {
            message = await change(name.Value);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (StoreException exception) when (exception is DuplicateNameException or CategoryInUseException)
        {
            return await ProblemAsync(categoryId, exception.Message, StatusCodes.Status409Conflict, cancellationToken);
        }

        this.Tell(message);
        if (!Request.WantsFragment())
        {
            return RedirectToPage();
        }

        Input = new CategoryForm();
        Categories = await catalog.ListAsync(user.UserId, cancellationToken);
        return Partial("_Categories", this);
    }

    private async Task<IActionResult> ProblemAsync(string? categoryId, string message, int htmxStatus, CancellationToken cancellationToken)
    {
        ProblemCategoryId = categoryId;
        Problem = message;
        Categories = await catalog.ListAsync(user.UserId, cancellationToken);
        if (!Request.WantsFragment())
        {
            return Page();
        }

        Response.StatusCode = htmxStatus;
        return Partial("_Categories", this);
    }
}
