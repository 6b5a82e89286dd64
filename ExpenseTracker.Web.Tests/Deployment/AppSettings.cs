using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;

namespace ExpenseTracker.Web.Tests.Deployment;

/// <summary>What the app's code says about its settings and its executable, for comparing with template.yaml.</summary>
public static class AppSettings
{
    /// <summary>Sections that configure the framework, not the app.</summary>
    private static readonly string[] FrameworkSections = ["Logging", "AllowedHosts"];

    /// <summary>Every setting appsettings.json gives a default for, as "Section:Key" paths.</summary>
    public static IReadOnlyList<string> DefaultedKeys()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("ExpenseTracker.Web", "appsettings.json")));
        var keys = new List<string>();
        Collect(json.RootElement, "", keys);
        return keys.Where(key => !FrameworkSections.Contains(key.Split(':')[0])).ToList();
    }

    /// <summary>Every key an options class binds: classes with a Section constant, walked through their nested classes.</summary>
    public static IReadOnlyList<string> OptionsKeys() =>
        typeof(Program).Assembly.GetTypes()
            .Select(type => (type, field: type.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(candidate => candidate.field is { IsLiteral: true } && candidate.field.FieldType == typeof(string))
            .SelectMany(candidate => PropertyKeys(candidate.type, (string)candidate.field!.GetRawConstantValue()!))
            .ToList();

    /// <summary>
    /// Settings under a store provider's own subsection (Storage:Sqlite:*) matter only when that provider is chosen.
    /// The provider names come from the options' Provider enum.
    /// </summary>
    public static bool BelongsToAnotherProvider(string key, IReadOnlyDictionary<string, string> settings)
    {
        var parts = key.Split(':');
        var optionsType = typeof(Program).Assembly.GetTypes().FirstOrDefault(type =>
            type.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string == parts[0]);
        var provider = optionsType?.GetProperty("Provider");
        if (parts.Length < 3 || provider is not { PropertyType.IsEnum: true })
        {
            return false;
        }

        var chosen = settings.GetValueOrDefault($"{parts[0]}:Provider");
        return Enum.GetNames(provider.PropertyType).Contains(parts[1], StringComparer.OrdinalIgnoreCase)
            && !string.Equals(parts[1], chosen, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The app-host file name dotnet publish writes: the project's AssemblyName, else the project file's name.</summary>
    public static string ExecutableName()
    {
        var project = Repository.PathOf("ExpenseTracker.Web", "ExpenseTracker.Web.csproj");
        var assemblyName = XDocument.Load(project).Descendants("AssemblyName").Select(element => element.Value).LastOrDefault();
        return assemblyName ?? Path.GetFileNameWithoutExtension(project);
    }

    private static void Collect(JsonElement element, string prefix, List<string> keys)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Collect(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}", keys);
            }
        }
        else
        {
            keys.Add(prefix);
        }
    }

    private static IEnumerable<string> PropertyKeys(Type type, string prefix) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.CanWrite)
            .SelectMany(property => IsLeaf(property.PropertyType)
                ? [$"{prefix}:{property.Name}"]
                : PropertyKeys(property.PropertyType, $"{prefix}:{property.Name}"));

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || Nullable.GetUnderlyingType(type) is not null;
}
