using System.Buffers.Binary;
using System.Text;

namespace ExpenseTracker.Web.Receipts;

/// <summary>
/// HEIC (ISO base media file format): the top-level boxes must cover the file exactly, and the items of the meta box
/// that hold EXIF ("Exif") or XMP ("mime", application/rdf+xml) are found through the item information (iinf) and
/// item location (iloc) boxes and patched where they lie. ImageSharp 2.1 cannot decode HEIC, so this reads the
/// container itself; the image data is never decoded here (HEIC receipts get no thumbnail on a laptop).
/// </summary>
internal static class HeicMetadata
{
    private const int MaxBoxes = 1_000;
    private const int MaxMetaSize = 1 << 20;
    private const string Damaged = "is damaged or not really the HEIC photo it claims to be";

    private static readonly string[] HevcBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"];

    /// <summary>An ftyp box that names an HEVC-coded HEIF brand (not AVIF or another ISO media file).</summary>
    public static bool IsHeic(ReadOnlySpan<byte> head)
    {
        if (head.Length < 16 || !LocationData.StartsWith(head[4..], "ftyp"))
        {
            return false;
        }

        var size = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(head), (uint)head.Length);
        for (var at = 8; at + 4 <= size; at += at == 8 ? 8 : 4)
        {
            if (HevcBrands.Contains(Encoding.ASCII.GetString(head.Slice(at, 4))))
            {
                return true;
            }
        }

        return false;
    }

    public static async Task<List<BytePatch>> PatchesAsync(ReceiptBytes bytes, CancellationToken cancellationToken)
    {
        var patches = new List<BytePatch>();
        long offset = 0;
        for (var box = 0; offset < bytes.Length; box++)
        {
            var header = await bytes.ReadAsync(offset, 16, cancellationToken);
            if (box >= MaxBoxes || header.Length < 8)
            {
                throw new FileRefusedException(Damaged);
            }

            var (size, headerSize) = BoxSize(header, bytes.Length - offset);
            if (size < headerSize || offset + size > bytes.Length)
            {
                throw new FileRefusedException(Damaged);
            }

            if (Encoding.ASCII.GetString(header, 4, 4) == "meta")
            {
                if (size > MaxMetaSize)
                {
                    throw new FileRefusedException("has more metadata than a photo needs");
                }

                var meta = await bytes.ReadAsync(offset, (int)size, cancellationToken);
                patches.AddRange(await ItemPatchesAsync(bytes, meta, offset, cancellationToken));
            }

            offset += size;
        }

        return patches;
    }

    private static async Task<List<BytePatch>> ItemPatchesAsync(ReceiptBytes bytes, byte[] meta, long metaOffset, CancellationToken cancellationToken)
    {
        // meta is a full box: its children start after the header and four bytes of version and flags.
        var children = Children(meta, 12);
        var types = children.TryGetValue("iinf", out var iinf) ? ItemTypes(meta, iinf) : [];
        var locations = children.TryGetValue("iloc", out var iloc) ? ItemLocations(meta, iloc) : [];
        var idatData = children.TryGetValue("idat", out var idat) ? metaOffset + idat.Start + 8 : 0;
        var patches = new List<BytePatch>();
        foreach (var (id, type) in types.Where(item => item.Value is "Exif" or "application/rdf+xml"))
        {
            if (!locations.TryGetValue(id, out var location))
            {
                continue;
            }

            var start = (location.InIdat ? idatData : 0) + location.Offset;
            var data = await bytes.ReadAsync(start, (int)Math.Min(location.Length, MaxMetaSize), cancellationToken);
            if (type == "application/rdf+xml")
            {
                patches.AddRange(LocationData.InXmp(data, start));
            }
            else if (data.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(data) is var skip && 4 + skip < data.Length)
            {
                patches.AddRange(LocationData.InExif(data.AsSpan(4 + (int)skip), start + 4 + skip));
            }
        }

        return patches;
    }

    /// <summary>The child boxes of the box whose content starts at <paramref name="start"/>, by type.</summary>
    private static Dictionary<string, (int Start, int Size)> Children(byte[] box, int start)
    {
        var children = new Dictionary<string, (int, int)>();
        for (var at = start; at + 8 <= box.Length;)
        {
            var (size, headerSize) = BoxSize(box.AsSpan(at, Math.Min(16, box.Length - at)), box.Length - at);
            if (size < headerSize || at + size > box.Length)
            {
                throw new FileRefusedException(Damaged);
            }

            children.TryAdd(Encoding.ASCII.GetString(box, at + 4, 4), (at, (int)size));
            at += (int)size;
        }

        return children;
    }

    /// <summary>Item id to item type, or to the content type of a "mime" item.</summary>
    private static Dictionary<uint, string> ItemTypes(byte[] meta, (int Start, int Size) iinf)
    {
        var reader = new BoxReader(meta, iinf.Start + 8, iinf.Start + iinf.Size);
        var version = reader.U8();
        reader.Skip(3);
        var count = version == 0 ? reader.U16() : reader.U32();
        var types = new Dictionary<uint, string>();
        for (var item = 0; item < count && reader.Remaining >= 8; item++)
        {
            var size = (int)reader.U32();
            var entry = new BoxReader(meta, reader.Position + 4, reader.Position - 4 + size);
            reader.Skip(size - 4);
            var entryVersion = entry.U8();
            entry.Skip(3);
            if (entryVersion < 2)
            {
                continue;
            }

            var id = entryVersion == 2 ? entry.U16() : entry.U32();
            entry.Skip(2);
            var type = entry.Text(4);
            entry.CString();
            types[id] = type == "mime" ? entry.CString() : type;
        }

        return types;
    }

    /// <summary>Item id to the first extent of its data: a file offset, or one inside the idat box.</summary>
    private static Dictionary<uint, (long Offset, long Length, bool InIdat)> ItemLocations(byte[] meta, (int Start, int Size) iloc)
    {
        var reader = new BoxReader(meta, iloc.Start + 8, iloc.Start + iloc.Size);
        var version = reader.U8();
        reader.Skip(3);
        var sizes = reader.U16();
        int offsetSize = sizes >> 12, lengthSize = (sizes >> 8) & 0xF, baseSize = (sizes >> 4) & 0xF, indexSize = version is 1 or 2 ? sizes & 0xF : 0;
        var count = version < 2 ? reader.U16() : reader.U32();
        var locations = new Dictionary<uint, (long, long, bool)>();
        for (var item = 0; item < count; item++)
        {
            var id = version < 2 ? reader.U16() : reader.U32();
            var method = version is 1 or 2 ? reader.U16() & 0xF : 0;
            reader.Skip(2);
            var baseOffset = reader.Sized(baseSize);
            var extents = reader.U16();
            for (var extent = 0; extent < extents; extent++)
            {
                reader.Sized(indexSize);
                var offset = reader.Sized(offsetSize);
                var length = reader.Sized(lengthSize);
                if (extent == 0)
                {
                    locations[id] = (baseOffset + offset, length, method == 1);
                }
            }
        }

        return locations;
    }

    private static (long Size, int HeaderSize) BoxSize(ReadOnlySpan<byte> header, long remaining)
    {
        var size = (long)BinaryPrimitives.ReadUInt32BigEndian(header);
        return size switch
        {
            0 => (remaining, 8),
            1 when header.Length >= 16 => ((long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(header[8..]), (ulong)long.MaxValue), 16),
            1 => (-1, 16),
            _ => (size, 8),
        };
    }

    /// <summary>Reads big-endian fields inside one box; reading past its end is a damaged file.</summary>
    private sealed class BoxReader(byte[] data, int position, int end)
    {
        public int Position => position;

        public int Remaining => end - position;

        public byte U8() => Take(1)[0];

        public ushort U16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

        public uint U32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

        public long Sized(int size) => size switch
        {
            0 => 0,
            4 => U32(),
            8 => (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(Take(8)), (ulong)long.MaxValue),
            _ => throw new FileRefusedException(Damaged),
        };

        public string Text(int length) => Encoding.ASCII.GetString(Take(length));

        public string CString()
        {
            var zero = Array.IndexOf(data, (byte)0, position, Math.Max(0, end - position));
            var text = Encoding.UTF8.GetString(Take((zero < 0 ? end : zero) - position));
            Skip(zero < 0 ? 0 : 1);
            return text;
        }

        public void Skip(int count) => Take(count);

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count < 0 || position + count > end || end > data.Length)
            {
                throw new FileRefusedException(Damaged);
            }

            position += count;
            return data.AsSpan(position - count, count);
        }
    }
}
