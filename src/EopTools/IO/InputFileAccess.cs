using System;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace EopTools.IO
{
    /// <summary>
    /// The one policy by which the module opens a file to read (range files, the cache, logs), so every reader refuses
    /// the same things with the same error ids and wording, before reading: a missing file ({Kind}FileNotFound), a
    /// folder ({Kind}PathIsFolder), a path that reports no size ({Kind}FileEmpty: an empty file, or what is not a regular
    /// file, a device, a pipe or a socket, which would never end or wait for a writer if opened), and a file over the
    /// kind's limit ({Kind}FileTooLarge). What it opens stops at the next read once cancelled (Ctrl+C).
    /// </summary>
    internal sealed class InputFileAccess
    {
        /// <param name="kind">What the files are: the first word of the error ids ("Range", "Log", "Cache").</param>
        /// <param name="maxBytes">The largest file read; <see cref="long.MaxValue"/> for none (logs are read streaming).</param>
        public InputFileAccess(string kind, long maxBytes)
        {
            Kind = kind;
            MaxBytes = maxBytes;
        }

        public string Kind { get; }

        public long MaxBytes { get; }

        /// <summary>
        /// The size of the file a path names, following a symbolic link (a link's own size is not its target's), after
        /// the refusals above; throws <see cref="InputFileException"/> for them. Nothing is opened.
        /// </summary>
        public long Check(string path)
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                // A folder is no file: asked only then, since each question is a call to the file system.
                if (Directory.Exists(path)) throw Refused("PathIsFolder", path, "is a folder, not a file");
                throw NotFound(path);
            }
            long? size;
            try
            {
                size = SizeBeforeOpening(file);
            }
            catch (FileNotFoundException)
            {
                throw NotFound(path);
            }
            // Devices and pipes report no size, and opening a pipe waits for a writer: a size of 0 is refused unopened.
            if (size == 0) throw Refused("FileEmpty", path, "is empty, or is not a regular file (a device, a pipe or a socket reports no size); it is not read");
            if (size > MaxBytes) throw TooLarge(path, size.Value);
            return size ?? -1;
        }

        /// <summary>
        /// The one reading of a file problem (<see cref="FileProblems.Is"/>) met opening or reading a file of this kind: the
        /// refusals above as they are, a file or folder that is not there as {Kind}FileNotFound, anything else as
        /// {Kind}FileUnreadable with the system's reason.
        /// </summary>
        public InputFileException Classify(Exception e, string path)
        {
            if (e is InputFileException refused) return refused;
            if (e is FileNotFoundException || e is DirectoryNotFoundException) return NotFound(path);
            string reason = "cannot be read: " + e.Message;
            return new InputFileException(Kind + "FileUnreadable", "The " + Kind.ToLowerInvariant() + " file '" + path + "' " + reason, reason);
        }

        /// <summary>Checks the path (<see cref="Check"/>), then opens it to read.</summary>
        public FileStream Open(string path, FileShare share, FileOptions options = FileOptions.None)
        {
            Check(path);
            try
            {
                return new FileStream(path, FileMode.Open, FileAccess.Read, share, 1, options);
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                // Gone between the check and the open (a log rotated away).
                throw NotFound(path);
            }
        }

        /// <summary>
        /// A stream that stops at its next read once <paramref name="cancellation"/> is cancelled, and, with a limit,
        /// once more than <see cref="MaxBytes"/> are read (a file may grow while it is read).
        /// </summary>
        public Stream Guard(Stream stream, string path, CancellationToken cancellation) => new GuardedStream(this, stream, path, cancellation);

        /// <summary>
        /// The whole file as text, UTF-8 unless a byte order mark names another encoding, checked before it is opened and
        /// read to <see cref="MaxBytes"/> at most whatever its size said.
        /// </summary>
        public string ReadAllText(string path, FileShare share, CancellationToken cancellation = default)
        {
            using (Stream stream = Guard(Open(path, share), path, cancellation))
            {
                if (BoundedText.TryRead(stream, MaxBytes, out string? text, out long size)) return text;
                throw TooLarge(path, size);
            }
        }

        private InputFileException TooLarge(string path, long size) =>
            Refused("FileTooLarge", path, string.Format(CultureInfo.InvariantCulture,
                "is larger than {0:N0} bytes (at least {1:N0}); no {2} file is that large, so it is not read", MaxBytes, size, Kind.ToLowerInvariant()));

        private InputFileException NotFound(string path) => Refused("FileNotFound", path, "does not exist");

        private InputFileException Refused(string problem, string path, string reason) =>
            new InputFileException(Kind + problem, "The " + Kind.ToLowerInvariant() + " file '" + path + "' " + reason + ".", reason);

        /// <summary>The size of the file a path names, following a symbolic link; null where the runtime cannot follow it.</summary>
        private static long? SizeBeforeOpening(FileInfo file)
        {
            if ((file.Attributes & FileAttributes.ReparsePoint) == 0) return file.Length;
            // ResolveLinkTarget exists from .NET 6 (PowerShell 7); netstandard2.0 cannot name it. Windows PowerShell's .NET
            // Framework cannot follow links, and Windows has no FIFOs to guard against, so there the bounded read alone applies.
            MethodInfo? resolve = typeof(FileSystemInfo).GetMethod("ResolveLinkTarget", new[] { typeof(bool) });
            if (resolve == null) return null;
            object? resolved;
            try
            {
                resolved = resolve.Invoke(file, new object[] { true });
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
            if (!(resolved is FileInfo target)) return file.Length;
            if (!target.Exists) throw new FileNotFoundException("The link's target does not exist.", target.FullName);
            return target.Length;
        }

        private sealed class GuardedStream : Stream
        {
            private readonly InputFileAccess _access;
            private readonly Stream _inner;
            private readonly string _path;
            private readonly CancellationToken _cancellation;
            private long _read;

            public GuardedStream(InputFileAccess access, Stream inner, string path, CancellationToken cancellation)
            {
                _access = access;
                _inner = inner;
                _path = path;
                _cancellation = cancellation;
            }

            public override bool CanRead => true;

            public override bool CanSeek => _inner.CanSeek;

            public override bool CanWrite => false;

            public override long Length => _inner.Length;

            public override long Position
            {
                get => _inner.Position;
                set => _inner.Position = value;
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                _cancellation.ThrowIfCancellationRequested();
                int read = _inner.Read(buffer, offset, count);
                _read += read;
                if (_read > _access.MaxBytes) throw _access.TooLarge(_path, _read);
                return read;
            }

            public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

            public override void Flush()
            {
            }

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing) _inner.Dispose();
                base.Dispose(disposing);
            }
        }
    }

    /// <summary>A file refused by <see cref="InputFileAccess"/>; <see cref="EopToolsException.ErrorId"/> names the problem.</summary>
    internal sealed class InputFileException : EopToolsException
    {
        public InputFileException(string errorId, string message, string reason)
            : base(errorId, message, null)
        {
            Reason = reason;
        }

        /// <summary>What is wrong with the file, without its name ("is a folder, not a file").</summary>
        public string Reason { get; }
    }
}
