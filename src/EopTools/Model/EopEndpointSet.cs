using System.Globalization;
using System.Text;

namespace EopTools
{
    /// <summary>The Microsoft 365 web service's endpoint set a range came from.</summary>
    public sealed class EopEndpointSet
    {
        public EopEndpointSet(int id, string serviceArea, string? tcpPorts, string? category, bool? required, bool? expressRoute)
        {
            Id = id;
            ServiceArea = serviceArea;
            TcpPorts = tcpPorts;
            Category = category;
            Required = required;
            ExpressRoute = expressRoute;
        }

        /// <summary>The set's id; immutable within an instance (10 is worldwide SMTP, 6 US Government, 2 China).</summary>
        public int Id { get; }

        public string ServiceArea { get; }

        /// <summary>The TCP ports as the service writes them, e.g. "25".</summary>
        public string? TcpPorts { get; }

        /// <summary>Optimize, Allow or Default.</summary>
        public string? Category { get; }

        public bool? Required { get; }

        public bool? ExpressRoute { get; }

        public override string ToString()
        {
            var text = new StringBuilder();
            text.Append(Id.ToString(CultureInfo.InvariantCulture)).Append(" (").Append(ServiceArea);
            if (TcpPorts != null) text.Append(", TCP ").Append(TcpPorts);
            if (Category != null) text.Append(", ").Append(Category);
            if (Required == true) text.Append(", required");
            if (ExpressRoute == true) text.Append(", ExpressRoute");
            return text.Append(')').ToString();
        }
    }
}
