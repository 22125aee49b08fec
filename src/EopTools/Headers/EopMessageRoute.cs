namespace EopTools
{
    /// <summary>How a message entered Microsoft 365 or the organisation, as its headers show it.</summary>
    public enum EopMessageRoute
    {
        /// <summary>Entered Microsoft 365 through EOP from an Internet server (or from another tenant through EOP).</summary>
        ThroughEop,

        /// <summary>A third-party gateway (Proofpoint, Mimecast, ...) received it first and handed it to EOP.</summary>
        GatewayBeforeEop,

        /// <summary>Reached the organisation's own servers first, and EOP only afterwards (FromEntityHeader HybridOnPrem).</summary>
        MxOnPremises,

        /// <summary>Reached the organisation's own servers straight from an address outside EOP: past EOP.</summary>
        OnPremisesBypass,

        /// <summary>Entered Exchange Online anonymously from outside EOP and the connectors, with the organisation's own domain as sender.</summary>
        DirectSend,

        /// <summary>Sent by a Microsoft 365 tenant through EOP to a receiver outside Microsoft.</summary>
        Microsoft365Outbound,

        /// <summary>Submitted to Microsoft 365 by one of its mailboxes or clients and delivered inside it: never on the Internet.</summary>
        WithinMicrosoft365,

        /// <summary>Never touched Microsoft 365: no hop at a Microsoft address or confirmed by one.</summary>
        NotMicrosoft365,

        /// <summary>The headers do not tell: no Received: header, or a chain broken beyond reading.</summary>
        Undecided,
    }
}
