using System.Buffers.Binary;
using System.Text;

namespace ExpenseTracker.Web.Receipts;

/// <summary>Bytes to write over a file at <see cref="Offset"/>; patches never change a file's length or layout.</summary>
public sealed record BytePatch(long Offset, byte[] Bytes);

/// <summary>
/// Finds where a photo says where it was taken, and what to write over it: the GPS directory of its EXIF block
/// emptied (its entries and their values zeroed, its entry count 0) and an XMP packet that holds GPS properties
/// blanked with spaces. Nothing moves, so the same patches work on a file on disk, in a browser before an upload to
/// S3, and in any container (JPEG, PNG, WebP, HEIC). A photo without location data gets no patches: running the
/// inspection again after patching is how a stored file is shown to be clean.
/// </summary>
internal static class LocationData
{
    private const ushort GpsDirectoryTag = 0x8825;

    private static readonly byte[] GpsMarker = "GPS"u8.ToArray();

    /// <summary>Patches that empty the GPS directory of the TIFF-structured EXIF block at <paramref name="fileOffset"/>.</summary>
    public static List<BytePatch> InExif(ReadOnlySpan<byte> tiff, long fileOffset)
    {
        if (tiff.Length < 8 || !(tiff[0] == 'I' && tiff[1] == 'I' || tiff[0] == 'M' && tiff[1] == 'M'))
        {
            return [];
        }

        var little = tiff[0] == 'I';
        var length = tiff.Length;
        ushort U16(ReadOnlySpan<byte> data, long at) => at + 2 > length ? (ushort)0
            : little ? BinaryPrimitives.ReadUInt16LittleEndian(data[(int)at..]) : BinaryPrimitives.ReadUInt16BigEndian(data[(int)at..]);
        uint U32(ReadOnlySpan<byte> data, long at) => at + 4 > length ? 0
            : little ? BinaryPrimitives.ReadUInt32LittleEndian(data[(int)at..]) : BinaryPrimitives.ReadUInt32BigEndian(data[(int)at..]);

        long firstDirectory = U32(tiff, 4);
        long gps = 0;
        for (var entry = 0; entry < U16(tiff, firstDirectory); entry++)
        {
            var at = firstDirectory + 2 + (12 * entry);
            if (U16(tiff, at) == GpsDirectoryTag)
            {
                gps = U32(tiff, at + 8);
            }
        }

        var count = U16(tiff, gps);
        if (gps == 0 || count == 0)
        {
            return [];
        }

        var patches = new List<BytePatch>();
        for (var entry = 0; entry < count; entry++)
        {
            var at = gps + 2 + (12 * entry);
            var size = (long)U32(tiff, at + 4) * TypeSize(U16(tiff, at + 2));
            long valueAt = U32(tiff, at + 8);
            if (size > 4 && valueAt + size <= length)
            {
                patches.Add(new BytePatch(fileOffset + valueAt, new byte[size]));
            }
        }

        // The count, the entries and the pointer to a next directory: an empty directory that ends the chain.
        var end = Math.Min(length, gps + 2 + (12L * count) + 4);
        patches.Add(new BytePatch(fileOffset + gps, new byte[end - gps]));
        return patches;
    }

    /// <summary>An XMP packet (or any text that may be one) with GPS properties: all of it blanked with spaces.</summary>
    public static List<BytePatch> InXmp(ReadOnlySpan<byte> xmp, long fileOffset) =>
        xmp.IndexOf(GpsMarker) < 0 ? [] : [new BytePatch(fileOffset, Enumerable.Repeat((byte)' ', xmp.Length).ToArray())];

    public static bool StartsWith(ReadOnlySpan<byte> data, string text) => data.StartsWith(Encoding.ASCII.GetBytes(text));

    private static int TypeSize(ushort type) => type switch
    {
        3 or 8 => 2,
        4 or 9 or 11 => 4,
        5 or 10 or 12 => 8,
        _ => 1,
    };
}

/// <summary>PNG's chunk checksum (CRC-32, ISO 3309), for chunks whose data a patch changed.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    public static uint Of(ReadOnlySpan<byte> data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFFu;
    }
}
