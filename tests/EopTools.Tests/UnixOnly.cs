using System;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>
    /// Facts about devices, FIFOs and symbolic links made with the Unix tools (/dev/zero, mkfifo, ln): on Windows, where
    /// none of these exist as such, they are skipped with this reason rather than failing for a missing tool.
    /// </summary>
    internal static class UnixOnly
    {
        public const string Reason = "Unix-only: needs /dev/zero, /dev/urandom, mkfifo or ln, which Windows does not have.";

        public static bool IsWindows => Environment.OSVersion.Platform == PlatformID.Win32NT;
    }

    /// <summary>A fact that runs off Windows only (<see cref="UnixOnly"/>).</summary>
    public sealed class UnixFactAttribute : FactAttribute
    {
        public UnixFactAttribute()
        {
            if (UnixOnly.IsWindows) Skip = UnixOnly.Reason;
        }
    }

    /// <summary>A theory that runs off Windows only (<see cref="UnixOnly"/>).</summary>
    public sealed class UnixTheoryAttribute : TheoryAttribute
    {
        public UnixTheoryAttribute()
        {
            if (UnixOnly.IsWindows) Skip = UnixOnly.Reason;
        }
    }
}
