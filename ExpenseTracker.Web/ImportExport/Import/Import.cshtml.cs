using System.Text.Json;
using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Budgets;
using ExpenseTracker.Web.Categories;

namespace ExpenseTracker.Web.ImportExport.Import;

/// <summary>
/// Import a CSV: choose the file, map its columns, preview what would be stored, import, and undo an import as a whole.
/// The file travels with every post of the form (nothing is kept on the server between preview and import), so the
/// page works the same on any number of app instances; the settings can be saved under a name for the next file.
/// </summary>
// A field for each duplicate row ticked one by one, besides the mapping ("include all duplicates" is one field).
[UploadLimit(FormFields = 20_000)]
public sealed class ImportModel(
    ImportPlanner planner, ImportRunner runner, IImportStore imports, CategoryCatalog catalog, ICurrentUser user, IOptions<ImportExportOptions> options)
    : PageModel
{
    public const string FileField = "ImportFile";
    public const string ImportsChanged = "imports-changed";
    public const int ListedImports = 10;
    private const int HeadRows = 20;

    public ImportSettings Input { get; set; } = new();

    /// <summary>The name of saved settings to read the file with.</summary>
    public string? Saved { get; set; }

    public ImportExportOptions Limits => options.Value;

    public IReadOnlyList<string> Headers { get; private set; } = [];

    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public IReadOnlyList<SavedMapping> SavedMappings { get; private set; } = [];

    public IReadOnlyList<ImportRecord> Imports { get; private set; } = [];

    public ImportPreview? Preview { get; private set; }

    public ImportResult? Result { get; private set; }

    /// <summary>Why the file cannot be imported at all.</summary>
    public string? Problem { get; private set; }

    /// <summary>How the file was read, when that is worth saying (its text encoding).</summary>
    public string? Note { get; private set; }


    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The list of imports, refreshed after an import or an undo.</summary>
    public async Task<IActionResult> OnGetImportsAsync(CancellationToken cancellationToken)
    {
        Imports = await imports.ListAsync(user.UserId, ListedImports, cancellationToken);
        return Partial("_Imports", this);
    }

    public Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken) => ReadFileAsync(store: false, cancellationToken);

    public Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken) => ReadFileAsync(store: true, cancellationToken);

    public async Task<IActionResult> OnPostUndoAsync(string id, CancellationToken cancellationToken)
    {
        int deleted;
        try
        {
            deleted = await runner.UndoAsync(user.UserId, id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        this.Tell($"Undone: {deleted:N0} imported expense{(deleted == 1 ? "" : "s")} deleted.");
        if (!Request.WantsFragment())
        {
            return RedirectToPage();
        }

        Response.TriggerEvents(HtmxEvents.ExpensesChanged);
        return await OnGetImportsAsync(cancellationToken);
    }

    /// <summary>The source category's choice as the form should show it: the one posted, ours of the same name, or a new one.</summary>
    public string ChoiceFor(string source)
    {
        var index = Input.SourceCategories.FindIndex(posted => string.Equals(posted, source, StringComparison.OrdinalIgnoreCase));
        return index >= 0 && index < Input.CategoryChoices.Count
            ? Input.CategoryChoices[index]
            : Categories.FirstOrDefault(category => string.Equals(category.Name, Names.Clean(source), StringComparison.OrdinalIgnoreCase))?.Id ?? ImportSettings.NewCategory;
    }

    public string CategoryName(string id) => Categories.FirstOrDefault(category => category.Id == id)?.Name ?? id;

    private async Task<IActionResult> ReadFileAsync(bool store, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var (_, file, problem) = await Uploads.ReadAsync(Request, FileField, options.Value, cancellationToken);
        if (file is null)
        {
            return Refused(problem!);
        }

        // Bound only now: the form is read within the upload limit above, never before it.
        await TryUpdateModelAsync(Input, nameof(Input));
        Saved = Request.Form[nameof(Saved)].FirstOrDefault();
        ModelState.Clear();
        await using var stream = file.OpenReadStream();
        try
        {
            var source = await CsvSource.OpenAsync(stream, cancellationToken);
            Note = source.EncodingNote;
            UseSaved();
            var skip = Input.SkipLineCount;
            var (headers, rows) = ImportFile.Head(stream, source, skip, HeadRows);
            Headers = headers;
            if (rows.Count == 0)
            {
                throw new ImportFileException("The file has a header but no rows.");
            }

            Input.Guess(headers);
            if (Import.DateFormat.Find(Input.DateFormat) is null && headers.ToList().FindIndex(header => header == Input.DateColumn) is var date and >= 0)
            {
                Input.DateFormat = Import.DateFormat.Guess([.. rows.Where(row => date < row.Length).Select(row => row[date])])?.Id;
            }

            if (!ModelState.Accept(Input.Validate(headers, Categories), nameof(Input), out var mapping))
            {
                return Answer(StatusCodes.Status422UnprocessableEntity);
            }

            if (!store)
            {
                Preview = await planner.PlanAsync(user.UserId, stream, source, skip, mapping, null, cancellationToken);
                return Answer(StatusCodes.Status200OK);
            }

            Result = await runner.RunAsync(user.UserId, file.FileName, stream, source, skip, mapping, cancellationToken);
            await SaveSettingsAsync(cancellationToken);
        }
        catch (ImportFileException unreadable)
        {
            return Refused(unreadable.Message);
        }

        return Imported();
    }

    private IActionResult Imported()
    {
        var preview = Result!.Preview;
        this.Tell($"Imported {preview.ToImport:N0} expense{(preview.ToImport == 1 ? "" : "s")} ({preview.Total}); "
            + $"left out {preview.DuplicatesSkipped:N0} duplicate{(preview.DuplicatesSkipped == 1 ? "" : "s")}, {preview.MoneyIn:N0} money in, {preview.Invalid:N0} invalid.");
        if (!Request.WantsFragment())
        {
            AlertBanner.Remember(TempData, Result.Alerts);
            return RedirectToPage();
        }

        Response.TriggerEvents(HtmxEvents.ExpensesChanged, ImportsChanged);
        // A fresh form for the next file.
        Input = new ImportSettings();
        Headers = [];
        return Partial("_ImportDetails", this);
    }

    private async Task SaveSettingsAsync(CancellationToken cancellationToken)
    {
        var name = Names.Clean(Input.SaveAs);
        if (name.Length is > 0 and <= CategoryCatalog.MaxNameLength)
        {
            var settings = JsonSerializer.Serialize(Input with { Include = [], IncludeAllDuplicates = false, SaveAs = null });
            await imports.SaveMappingAsync(user.UserId, name, settings, cancellationToken);
        }
    }

    /// <summary>Reads the file with saved settings, once: the form then shows them, and the person's changes stand.</summary>
    private void UseSaved()
    {
        if (SavedMappings.FirstOrDefault(saved => saved.Name == Saved) is { } chosen
            && JsonSerializer.Deserialize<ImportSettings>(chosen.Settings) is { } settings)
        {
            Input = settings with { Include = Input.Include, IncludeAllDuplicates = Input.IncludeAllDuplicates, SaveAs = Input.SaveAs };
        }

        Saved = null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Categories = await catalog.ListAsync(user.UserId, cancellationToken);
        SavedMappings = await imports.ListMappingsAsync(user.UserId, cancellationToken);
        Imports = await imports.ListAsync(user.UserId, ListedImports, cancellationToken);
    }

    private IActionResult Refused(string problem)
    {
        Problem = "Nothing was imported. " + problem;
        return Answer(StatusCodes.Status422UnprocessableEntity);
    }

    private IActionResult Answer(int status)
    {
        Response.StatusCode = status;
        return Request.WantsFragment() ? Partial("_ImportDetails", this) : Page();
    }
}
