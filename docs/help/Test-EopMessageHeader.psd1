@{
    Synopsis    = 'Reads the headers of messages and tells, per message, how it entered Microsoft 365 or the organisation: through EOP, a gateway in front of EOP, MX on premises, past EOP to the organisation''s servers, Direct Send, or sent out by Microsoft 365.'
    Description = @(
        'Test-EopMessageHeader reads message headers and answers, for each message, how it entered Microsoft 365 or the organisation, with the evidence: the verdict (Route), why (Reason), the hop or stamp that decided it (DecidedBy), the hop where it entered (EntryHop) with its connecting address and what the EOP ranges say of it (IPAddress, IsEop, Range, Region), every hop (Hops) and every Microsoft 365 stamp (Stamps). It answers the question before switching Set-OrganizationConfig -RejectDirectSend on (who uses Direct Send?), and after locking a connector down to EOP (does anything still go past it?).'
        'It reads .eml files (RFC 5322, with or without an mbox "From " line), header text saved from Outlook''s Internet headers box (with or without its "Microsoft Mail Internet Headers Version 2.0" line), text from the pipeline (Get-Clipboard -Raw, or lines from Get-Content or Get-Clipboard, which make one message), Microsoft Graph messages with InternetMessageHeaders (Get-MgUserMessage -Property internetMessageHeaders, or Invoke-MgGraphRequest''s hashtables), records whose InternetMessageHeaders, Headers, MessageHeaders, TransportMessageHeaders, RawHeaders or Header property holds the header text, and files piped from Get-ChildItem. Any line ending is read: CRLF, LF or CR alone. Only the header block is read, up to its first empty line (at most 1 MB): a message with a 30 MB attachment costs what its headers cost. Subject and From are decoded (RFC 2047).'
        'Every Received: header becomes a hop (EopTools.EopMessageHop), listed in the order the message travelled (hop 1 first), with the from names (Helo, ReverseDns), the connecting address from the TCP-info comment in every common form (host [1.2.3.4], (1.2.3.4), [IPv6:...], (EHLO x) (1.2.3.4), with or without a port), By, Via, With, Id, For, Time (UTC; RFC 5322 and obsolete dates) and Delay from the hop before. A negative delay is kept and flagged (NegativeDelay) and noted. A Received: header that cannot be read whole is kept as a hop with its raw text and the reason in Problem. Each hop''s address is answered from the session''s EOP ranges (IsEop, Range, Region, and FormerRange: for an address that is not EOP now, the range that held it in older data the module keeps, the cache''s previous data or the embedded 2018 page, as Test-EopIpAddress gives it; the hop view then says Was); IsMicrosoft365 says that its receiver names itself as one of Microsoft 365''s mail hosts (*.protection.outlook.com, *.prod.outlook.com, *.outlook.office365.com, *.prod.exchangelabs.com, and office365.us and partner.outlook.cn for the other instances). Host names are claims: only the addresses are tested.'
        'A hop whose receiver is Microsoft 365 is confirmed (IsConfirmedMicrosoft365) when the chain vouches for it: it is the top hop, or it is below a confirmed Microsoft hop received by an internal Microsoft host (Internet servers reach only the *.mail.protection.outlook.com front ends) or from an EOP or internal address, or the hop above it was received from an EOP address. A Microsoft 365 stamp (X-Forefront-Antispam-Report with CIP, CTRY, IPV, SFV, SCL, DIR; X-MS-Exchange-Organization-AuthAs, AuthSource, AuthMechanism; X-MS-Exchange-CrossTenant-FromEntityHeader, AuthAs, AuthSource, Id; Authentication-Results with spf, dkim, dmarc and compauth with its reason; ARC-Seal and ARC-Authentication-Results) is Trusted only when a confirmed Microsoft 365 hop stands above it: Exchange''s header firewall removes organisation stamps that come from outside, so one with no Microsoft hop above it is reported as Forged, noted, and ignored for the verdict. The -Untrusted variants are the sending tenant''s (SendingTenant). Where the trusted report''s CIP and the entry hop''s address disagree, a note says so.'
        'The verdicts (EopTools.EopMessageRoute): ThroughEop, entered Microsoft 365 through EOP from an Internet server (or from another tenant at an EOP address); GatewayBeforeEop, a third-party gateway took it from the Internet first (the hop below the entry was received from a public address by a server of another domain than the sender''s, or the entry address is one of -ConnectorIPAddress); MxOnPremises, EOP took it from the organisation''s own servers (trusted FromEntityHeader HybridOnPrem, or an -OrganizationServer address); OnPremisesBypass, the organisation''s servers took it straight from an address outside EOP, with no Microsoft hop (the servers named by -OrganizationServer, or else inferred from the top hops'' domain when they are Exchange, which the Reason says); DirectSend, entered anonymously (trusted AuthAs Anonymous) from outside EOP and -ConnectorIPAddress with a sender (From, or the trusted smtp.mailfrom) in -AcceptedDomain or, without it, in the recipient''s domain: what RejectDirectSend rejects; Microsoft365Outbound, a Microsoft 365 tenant sent it out (trusted DIR:OUT, or it left Microsoft from an EOP address); WithinMicrosoft365, submitted by a mailbox or client and delivered inside Microsoft 365; NotMicrosoft365, no hop at a Microsoft address or confirmed as Microsoft; Undecided, with the reason (no Received: header, none readable, an entry hop without an address). The verdict comes from the addresses and the trusted stamps, not from hop positions or names alone, so hops out of time order change nothing.'
        'Bad input is a non-terminating error and the other messages go on: a missing file MessageFileNotFound, a folder MessagePathIsFolder, an empty file, a device or a pipe MessageFileEmpty, a file that cannot be read MessageFileUnreadable, an Outlook .msg MessageFileIsOutlookMsg (the message says how to get its headers), binary data MessageFileNotText, text that does not start with a header field MessageHeaderNotFound, a header block over 1 MB MessageHeaderTooLarge, an object without headers InputObjectHasNoHeaders. A -OrganizationServer, -ConnectorIPAddress or -AcceptedDomain value that is not exactly what it claims ends the command with InvalidOrganizationServer, InvalidConnectorIPAddress or InvalidAcceptedDomain.'
    )
    Parameters  = @{
        Path               = 'The message files to read (.eml, mbox, or saved header text: UTF-8, or UTF-16 or UTF-32 with a byte order mark, as Out-File writes it). Wildcards are expanded; several paths may be given. A path that matches nothing is MessageFileNotFound; one on another provider is MessagePathNotFileSystem.'
        LiteralPath        = 'The message files, taken exactly as typed (wildcard characters such as [ and ] are part of the name).'
        InputObject        = 'What to read from the pipeline: header text (one string with line breaks is one message; strings without line breaks are lines of one message), Graph messages with InternetMessageHeaders, records with a header text property, or files from Get-ChildItem. Each result keeps the input in InputObject.'
        OrganizationServer = 'The organisation''s own mail servers: host names, *.suffix patterns (*.contoso.com), addresses or CIDR prefixes. A message that reached one of them from an address outside EOP, with no Microsoft hop, is OnPremisesBypass; EOP taking a message from one of their addresses is MxOnPremises. Without it, the servers are inferred from the top hops'' domain, and the Reason says so.'
        ConnectorIPAddress = 'The addresses or CIDR prefixes of the organisation''s inbound connectors (gateways, partners, scanners). A message that entered from one is GatewayBeforeEop, never DirectSend: RejectDirectSend does not reject mail that a connector takes.'
        AcceptedDomain     = 'The organisation''s accepted domains (Get-AcceptedDomain | ForEach-Object DomainName). A message that entered anonymously from outside EOP and the connectors with a sender in one of them is DirectSend. Without it, the recipient''s domain (To, else the entry hop''s for) stands for the organisation''s.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Header text, whole (Get-Clipboard -Raw) or line by line (Get-Content, Get-Clipboard).' }
        @{ Type = 'System.IO.FileInfo'; Description = 'Message files from Get-ChildItem.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'A Graph message with InternetMessageHeaders, or a record with a header text property.' }
    )
    Outputs     = @(
        @{ Type = 'EopTools.EopMessageHeaderResult'; Description = 'One per message: Source, InputObject, MessageId, Subject, From, To, Date, Route, Reason, DecidedBy, EntryHop, IPAddress, IsEop, Range, Region, Hops, Stamps, Notes, and the trusted Direction, Cip, AuthAs, FromEntityHeader, Spf, Dkim, Dmarc, CompAuth and CompAuthReason.' }
    )
    Notes       = @(
        'docs/message-headers.md in the module''s repository lists each stamp this command relies on, with Microsoft''s documentation for it, and how each verdict is decided.'
        'The answer is as good as the ranges: run Update-EopIpRange to test against the current EOP ranges rather than the embedded 2018 page.'
        'An Outlook .msg file is not read: in Outlook, open the message, File > Properties, and copy the Internet headers box; or save the message as .eml.'
    )
    Examples    = @(
        @{
            Title   = 'The Direct Send audit: a folder of user-reported messages by verdict'
            Code    = @'
Get-ChildItem .\Reported\*.eml | Test-EopMessageHeader -AcceptedDomain contoso.com |
    Group-Object Route -NoElement | Sort-Object Name
'@
            Remarks = 'Before switching Set-OrganizationConfig -RejectDirectSend $true on: the DirectSend messages are the ones it would reject. Add -ConnectorIPAddress with the addresses of your inbound connectors, whose mail it does not reject.'
        }
        @{
            Title   = 'One message from the clipboard'
            Code    = @'
Get-Clipboard -Raw | Test-EopMessageHeader | Format-List Route, Reason, DecidedBy, IPAddress, IsEop
'@
            Remarks = 'Paste the Internet headers of a message (Outlook: File > Properties) and read its verdict with the evidence.'
        }
        @{
            Title   = 'A sample of a Graph mailbox'
            Code    = @'
Get-MgUserMessage -UserId helpdesk@contoso.com -Top 100 -Property subject, internetMessageHeaders |
    Test-EopMessageHeader | Where-Object Route -NE ThroughEop | Select-Object Route, IPAddress, Subject
'@
            Remarks = 'Graph returns the headers as name and value pairs only when asked for them with -Property. InputObject keeps each Graph message.'
        }
        @{
            Title   = 'A message hop by hop'
            Code    = @'
(Test-EopMessageHeader -LiteralPath .\Reported\gateway.eml).Hops
'@
            Remarks = 'Each hop in the order the message travelled, with its delay, connecting address and what the EOP ranges say of it.'
        }
        @{
            Title   = 'Stamps that no Microsoft hop vouches for'
            Code    = @'
Test-EopMessageHeader -LiteralPath .\Reported\forged.eml | ForEach-Object Stamps | Where-Object Trust -EQ Forged
'@
            Remarks = 'Exchange removes its organisation stamps from mail that comes from outside; one without a Microsoft hop above it was written by someone else and is not believed.'
        }
    )
    Links       = @('about_EopTools', 'Test-EopIpAddress', 'Search-EopLog', 'Update-EopIpRange')
}
