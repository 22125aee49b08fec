@{
    Synopsis    = 'Tests whether IP addresses belong to Exchange Online Protection (EOP), and which range and regional tables contain them.'
    Description = @(
        'Test-EopIpAddress answers, for every address it gets, whether it is in the EOP ranges of the session (or of the file given with -Path), which range matched (the most specific one), and which regional tables contain it.'
        'It takes strings, IPAddress objects, and records: message traces, message tracking log events and rows, protocol and IIS log rows. Each result keeps the record it came from in InputObject (the same object, not a copy) and the name of the property it read in Property, so that filtering the answers gives back the records.'
        'A record''s address is read from the first of these properties that holds a value, the original sender first: OriginalClientIp, original_client_ip, original-client-ip, ClientIp, client_ip, client-ip, FromIP, SenderIP, c-ip, remote-endpoint, CIP, IP, IPAddress. A property that is empty, blank or a dash falls through to the next; a record whose properties all lack a value is skipped with a verbose message. -Property replaces the list. The value may be a string or an IPAddress, written as ip, ip:port, [ipv6]:port, IPv6 with a zone id (dropped), or IPv4-mapped IPv6 (tested as IPv4). The names are also aliases of -IPAddress.'
        'White space around a value (every character .NET counts as white space: spaces, TABs, line ends, no-break and ideographic spaces and the like) is trimmed first, as log values carry it; a value that is then empty or a dash, which logs write for no address, is no address. A zone id (after %) is an interface name or number: it must not be empty or contain white space, /, %, [ or ], with or without brackets, so fe80::1%, [fe80::1% ]:25 and cafe::%a/b are all InvalidIPAddress.'
        'What each address means. In a message trace (Get-MessageTrace, Get-MessageTraceV2), FromIP is the server that connected to Microsoft 365: IsEop true there means the message came from EOP''s outbound servers, that is, another Microsoft 365 tenant sent it, and says nothing about who wrote it. On a Mailbox server''s message tracking log, ClientIp of a RECEIVE event is often the front-end transport server, not the sender; OriginalClientIp is the host that connected from outside. In a message trace report, original_client_ip is the sender for incoming mail and the receiving external server for outgoing mail. In an SMTP receive protocol log, remote-endpoint is the host that connected; in a send log, the host Exchange connected to. Web traffic from Exchange Online (the c-ip of an IIS log) does not come from the EOP ranges, which carry SMTP (port 25): IsEop false for a c-ip does not mean the request is not from Microsoft.'
        'Parsing is strict: short, octal and hex IPv4 forms, prefixes and trailing text are rejected as the non-terminating error InvalidIPAddress (for a record, the message names the property), and the inputs after it are still tested; an object with none of the properties is the error InputObjectHasNoAddress. It streams: a million lines piped through it hold no state.'
    )
    Parameters  = @{
        IPAddress = 'The addresses to test: strings, IPAddress objects, or records. A piped record is taken whole (by value) and its address is read from the first of its properties named in the description, or in -Property, that holds a value.'
        Property  = 'The properties to read the address from, in this order, instead of the known names: the first that holds an address (not empty, blank or a dash) wins. Use it for records whose field the module does not know, or to test another field, such as ServerIp of a message tracking SEND event.'
        Region    = 'Answers from one table only: Global, Americas, EMEA or APAC. The range reported is then that table''s most specific range.'
        Path        = 'Tests against the ranges in this file instead of the session''s data (any format Get-EopIpRange -Path reads). A wildcard is expanded and must name exactly one file: the file is the one version every answer comes from, so several files are the error PathNotOneFile, and a missing or unreadable file (RangeFileNotFound, RangeFileUnreadable) ends the command before any address is tested.'
        LiteralPath = 'As -Path, but taken exactly as typed: wildcard characters such as [ and ] are part of the name. It is not bound from the pipeline, which carries the addresses.'
        Quiet       = 'Writes exactly one $true or $false for each input item, in input order: $false also for an empty, dash or invalid address (which still writes its error) and for a record with no address, so the answers line up with the inputs.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'An address as text, with or without a port.' }
        @{ Type = 'System.Net.IPAddress'; Description = 'An address object.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'A record with an address property: a message trace or message tracking event, an Import-Csv or ConvertFrom-Csv row of a report or log.' }
    )
    Outputs     = @(
        @{ Type = 'EopTools.EopIpTestResult'; Description = 'Input, InputObject, Property, IPAddress, IsEop, Range, Region, DataSet, EndpointSets and FormerRange for each address. FormerRange: for an address that is not EOP now but was in older data the module keeps, the range that held it there (EopTools.EopFormerRange: Prefix, Range, Data, Date, DataSet; its text, in a string and an Export-Csv cell, is like 40.92.0.0/14 (embedded page, 2018-08-02)). The older data is the cache''s previous data (previous.cache: what the cache held before its ranges last changed), then the 2018 page embedded in EopTools. While the session answers from that page (before the first Update-EopIpRange) there is nothing older, and FormerRange is always empty, as it is for ranges given with -Path. The default view shows a former range in the Range column as was 40.92.0.0/14 (2018-08-02). It has no Region column (the web service''s data has no regional tables); Format-List shows Region. EndpointSets lists the Microsoft 365 endpoint sets whose IPs hold the address (EopTools.EopEndpointSetMatch: Id, ServiceArea, ServiceAreaDisplayName, Category, Required, ExpressRoute, TcpPorts, UdpPorts, Notes, the matched Prefix and the whole EndpointSet), Optimize then Allow then Default, each by id; it is empty when no set holds the address and $null when the data carries no endpoint sets (the embedded page, a plain list, the retired XML).' }
        @{ Type = 'System.Boolean'; Description = 'With -Quiet, one value per input item.' }
    )
    Notes       = @(
        'The answer is as good as the data: run Update-EopIpRange to test against the current ranges of the Microsoft 365 web service rather than the embedded 2018 page.'
        'When no endpoint set holds an address, it can still be Microsoft 365''s: Default-category sets publish URLs, not IPs, and inbound traffic of a hybrid deployment and other endpoints are listed on Microsoft''s page "Other endpoints not included in the Office 365 IP Address and URL Web service", not in the web service.'
        'docs/record-sources.md in the module''s repository lists the fields of each record source, with where they are documented.'
    )
    Examples    = @(
        @{
            Title   = 'Test three addresses against the current list'
            Data    = 'WebService'
            Code    = @'
Test-EopIpAddress -IPAddress 40.92.70.1, 40.94.12.9, 8.8.8.8
'@
            Remarks = 'With the web service''s list (after Update-EopIpRange; the output below is for its answer of 2022): 40.92.70.1 is in 40.92.0.0/15. 40.94.12.9 is not EOP now, but was in 40.92.0.0/14 of the 2018 page embedded in EopTools: FormerRange says so (40.92.0.0/14 (embedded page, 2018-08-02)), and the cache''s previous data comes before that page when the cache has one. 8.8.8.8 never was EOP. Before the first update the session answers from the embedded page itself, which has nothing older: FormerRange is then empty.'
            Output  = @'
IsEop Input                                 Range
----- -----                                 -----
True  40.92.70.1                            40.92.0.0/15
False 40.94.12.9                            was 40.92.0.0/14 (2018-08-02)
False 8.8.8.8
'@
        }
        @{
            Title   = 'Message trace: the messages whose sending server was not EOP'
            Code    = @'
Get-MessageTraceV2 -RecipientAddress helpdesk@contoso.com -StartDate (Get-Date).AddDays(-2) -EndDate (Get-Date) |
    Test-EopIpAddress | Where-Object { -not $_.IsEop } | ForEach-Object InputObject |
    Select-Object SenderAddress, Subject, FromIP
'@
            Remarks = 'Each trace row is tested by FromIP, the server that connected to Microsoft 365, and InputObject gives the row back with its sender and subject. A row of outgoing mail has no FromIP and is skipped. The output below is for three rows: one from 40.92.70.1 (EOP), one from b@example.net at 203.0.113.5, and one outgoing.'
            Output  = @'
SenderAddress Subject        FromIP
------------- -------        ------
b@example.net Invoice, March 203.0.113.5
'@
        }
        @{
            Title   = 'Message tracking log objects: who delivered to an on-premises server'
            Code    = @'
Get-MessageTrackingLog -Server EX01 -EventId RECEIVE -Start (Get-Date).AddHours(-1) |
    Test-EopIpAddress | Group-Object IsEop, Property -NoElement
'@
            Remarks = 'An event is tested by OriginalClientIp, the host that connected from outside, when it has one, else by ClientIp (often the front-end transport server on a Mailbox server). The output below is for three events: relayed by the front end for 52.100.10.1 (EOP) and for 198.51.100.20, and one straight from 104.47.1.1 (EOP).'
            Output  = @'
Count Name
----- ----
    1 False, OriginalClientIp
    1 True, ClientIp
    1 True, OriginalClientIp
'@
        }
        @{
            Title   = 'Message tracking log objects: mail sent to EOP'
            Code    = @'
Get-MessageTrackingLog -Server EX01 -EventId SEND -Start (Get-Date).AddHours(-1) |
    Test-EopIpAddress -Property ServerIp | Where-Object IsEop | Measure-Object
'@
            Remarks = 'A SEND event''s destination is ServerIp, which is not one of the known names: -Property names it. The output below is for two events, one sent to 104.47.20.5 (EOP) and one to 198.51.100.25.'
            Output  = @'
Count             : 1
Average           :
Sum               :
Maximum           :
Minimum           :
StandardDeviation :
Property          :
'@
        }
        @{
            Title   = 'Message trace report: count the EOP rows of a downloaded Enhanced summary'
            Code    = @'
$answers = Import-Csv .\MTSummary_Report.csv | Test-EopIpAddress -Quiet
($answers | Where-Object { $_ }).Count
'@
            Remarks = 'Report rows (Start-HistoricalSearch -ReportType MessageTrace) carry the address in original_client_ip. -Quiet writes one answer per row. The output below is for a report of three messages, two of them to or from EOP.'
            Output  = '2'
        }
        @{
            Title   = 'Raw message tracking log file'
            Code    = @'
$lines = Get-Content .\MSGTRK20261127-1.LOG
$lines -notmatch '^#' | ConvertFrom-Csv -Header ($lines -match '^#Fields: ')[0].Substring(9).Split(',') |
    Test-EopIpAddress | Select-Object Input, Property, IsEop
'@
            Remarks = 'The #Fields: line is the header. A row is tested by original-client-ip when it has one, else by client-ip. The output below is for a log of four rows.'
            Output  = @'
Input                       Property           IsEop
-----                       --------           -----
52.100.10.1                 original-client-ip  True
40.92.70.1                  client-ip           True
198.51.100.20               client-ip          False
fe80::1d2c:3b4a:5968:7a8b%3 client-ip          False
'@
        }
        @{
            Title   = 'SMTP receive protocol log: the sessions that did not come from EOP'
            Code    = @'
$lines = Get-Content .\RECV20261127-1.LOG
$lines -notmatch '^#' | ConvertFrom-Csv -Header ($lines -match '^#Fields: ')[0].Substring(9).Split(',') |
    Sort-Object session-id -Unique | Test-EopIpAddress | Where-Object { -not $_.IsEop } |
    ForEach-Object { $_.InputObject.'session-id' }
'@
            Remarks = 'remote-endpoint (ip:port, or [ipv6]:port) is the host that connected; one row per session is enough. The output below is for a log with one session from outside EOP.'
            Output  = '08DE0F1A2B3C4D60'
        }
        @{
            Title   = 'IIS log: which requests came from EOP addresses'
            Code    = @'
$lines = Get-Content .\u_ex261127.log
$lines -notmatch '^#' | ConvertFrom-Csv -Delimiter ' ' -Header ($lines -match '^#Fields: ')[-1].Substring(9).Split(' ') |
    Test-EopIpAddress -Quiet
'@
            Remarks = 'Rows are tested by c-ip; a row whose c-ip is a dash answers $false. Exchange Online''s web requests come from other Microsoft 365 ranges than EOP''s. The output below is for a log of three requests: a c-ip outside EOP, a dash, and an EOP address.'
            Output  = @'
False
False
True
'@
        }
        @{
            Title   = 'An address that is not EOP: which Microsoft 365 endpoint sets hold it'
            Code    = @'
Test-EopIpAddress 52.96.10.10, 8.8.8.8 -Path .\microsoft365-worldwide.json | Select-Object -ExpandProperty EndpointSets
'@
            Remarks = '52.96.10.10 is not EOP, but Exchange Online''s own address: sets 1 (Optimize, TCP 80 and 443), 2, 5 and 6 (Allow) list 52.96.0.0/14; 8.8.8.8 is in no set, so it adds no row (its EndpointSets is empty; it is $null only for data without sets). No set can be the right answer for a Microsoft 365 address too: Default-category sets publish URLs, not IPs, and inbound hybrid traffic is listed on Microsoft''s page "Other endpoints not included in the Office 365 IP Address and URL Web service". After Update-EopIpRange the session''s data has the sets and -Path is not needed.'
            Output  = @'
  Id Category ServiceArea Ports                   Prefix
  -- -------- ----------- -----                   ------
   1 Optimize Exchange    TCP 80,443              52.96.0.0/14
   2 Allow    Exchange    TCP 587                 52.96.0.0/14
   5 Allow    Exchange    TCP 143,993             52.96.0.0/14
   6 Allow    Exchange    TCP 995                 52.96.0.0/14
'@
        }
    )
    Links       = @('about_EopTools', 'Get-EopIpRange', 'Update-EopIpRange')
}
