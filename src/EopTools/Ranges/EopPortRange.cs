using System.Globalization;

namespace EopTools
{
    /// <summary>One port or range of ports of an endpoint set, as the web service lists them ("443", "3478-3481").</summary>
    public sealed class EopPortRange
    {
        internal EopPortRange(int first, int last)
        {
            First = first;
            Last = last;
        }

        public int First { get; }

        /// <summary>The same as <see cref="First"/> for a single port.</summary>
        public int Last { get; }

        public bool Contains(int port) => First <= port && port <= Last;

        public override string ToString() =>
            First == Last ? First.ToString(CultureInfo.InvariantCulture) : First.ToString(CultureInfo.InvariantCulture) + "-" + Last.ToString(CultureInfo.InvariantCulture);
    }
}
