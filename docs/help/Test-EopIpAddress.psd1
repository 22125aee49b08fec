@{
    Synopsis    = 'Tests whether IP addresses belong to Exchange Online Protection (EOP), and which range and regional tables contain them.'
    Description = @(
        'Test-EopIpAddress answers, for every address it gets, whether it is in the EOP ranges of the session (or of the file given with -Path), which range matched (the most specific one), and which regional tables contain it.'
        'It takes strings, IPAddress objects, and objects from Exchange and log tools that carry the address in a property: Get-MessageTrace and Get-MessageTraceV2 (FromIP), Get-MessageTrackingLog (ClientIp, OriginalClientIp), message trace reports (client_ip, original_client_ip), IIS logs (c-ip), SMTP protocol logs (remote-endpoint), and CIP or IP. Addresses may be written as ip, ip:port, [ipv6]:port, IPv6 with a zone id (dropped), or IPv4-mapped IPv6 (tested as IPv4).'
        'Parsing is strict: short, octal and hex IPv4 forms, prefixes and trailing text are rejected as the non-terminating error InvalidIPAddress, and the inputs after it are still tested. An empty value or a dash, which logs write for no address, is skipped with a verbose message. It streams: a million lines piped through it hold no state.'
    )
    Parameters  = @{
        IPAddress = 'The addresses to test: strings, IPAddress objects, or objects with one of the properties named in the description. A piped object is taken whole, and its address is read from its IPAddress property or from one of those properties.'
        Property  = 'The properties to read the address from, in this order, instead of the known names: the first that holds an address (not empty and not a dash) wins. Use it for records whose field the module does not know, or to test another field, such as ServerIp of a message tracking SEND event.'
        Region    = 'Answers from one table only: Global, Americas, EMEA or APAC. The range reported is then that table''s most specific range.'
        Path      = 'Tests against the ranges in this file instead of the session''s data (any format Get-EopIpRange -Path reads).'
        Quiet     = 'Writes only $true or $false for each input, in input order.'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'An address as text, with or without a port.' }
        @{ Type = 'System.Net.IPAddress'; Description = 'An address object.' }
        @{ Type = 'System.Management.Automation.PSObject'; Description = 'An object with an address property, such as a message trace or message tracking record or an Import-Csv row.' }
    )
    Outputs     = @(
        @{ Type = 'EopTools.EopIpTestResult'; Description = 'Input, IPAddress, IsEop, Range, Region and DataSet for each address.' }
        @{ Type = 'System.Boolean'; Description = 'With -Quiet, one value per address.' }
    )
    Notes       = @(
        'The answer is as good as the data: run Update-EopIpRange to test against the current ranges of the Microsoft 365 web service rather than the embedded 2018 page.'
    )
    Examples    = @(
        @{
            Title   = 'Test two addresses'
            Code    = @'
Test-EopIpAddress -IPAddress 40.92.70.1, 8.8.8.8
'@
            Remarks = 'The first is in 40.92.0.0/14 and the Americas table; the second is not EOP.'
        }
        @{
            Title   = 'Find messages that reached a mailbox from outside EOP'
            Code    = @'
Get-MessageTraceV2 -RecipientAddress helpdesk@contoso.com -StartDate (Get-Date).AddDays(-2) -EndDate (Get-Date) |
    Test-EopIpAddress | Where-Object { -not $_.IsEop }
'@
            Remarks = 'Message trace records carry the sending server in FromIP, which Test-EopIpAddress reads from each piped record.'
        }
        @{
            Title   = 'Check which hosts delivered to an on-premises server'
            Code    = @'
Get-MessageTrackingLog -Server EX01 -EventId RECEIVE -Start (Get-Date).AddHours(-1) |
    Test-EopIpAddress | Group-Object IsEop -NoElement
'@
            Remarks = 'Message tracking events carry the sending host in ClientIp.'
        }
        @{
            Title   = 'Count the EOP rows of a downloaded message trace report'
            Code    = @'
$answers = Import-Csv .\MTSummary_Report.csv | Test-EopIpAddress -Quiet
($answers | Where-Object { $_ }).Count
'@
            Remarks = 'Report rows carry the address in original_client_ip.'
        }
    )
    Links       = @('about_EopTools', 'Get-EopIpRange', 'Update-EopIpRange')
}
