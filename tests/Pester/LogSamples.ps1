# Small logs in the layouts Exchange and IIS write (docs/record-sources.md), built from lists of senders so that each
# test knows its answers: lines, distinct senders, the senders outside EOP and their order.

$script:ProtocolFields = '#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context'
$script:TrackingFields = '#Fields: date-time,client-ip,client-hostname,server-ip,server-hostname,source-context,connector-id,source,event-id,internal-message-id,message-id,network-message-id,recipient-address,recipient-status,total-bytes,recipient-count,related-recipient-address,reference,message-subject,sender-address,return-path,message-info,directionality,tenant-id,original-client-ip,original-server-ip,custom-data,transport-traffic-type,log-id,schema-version'

# A receive protocol log: each session is '+', the sender's EHLO, a quoted banner with commas, and MAIL FROM.
# $Sessions: @{ Endpoint = '203.0.113.9:40000'; Host = 'scanner.contoso.com'; Count = 2 }; 4 lines per session.
function New-ProtocolLogLines([object[]] $Sessions, [datetime] $Start = '2026-11-27T10:00:00Z', [switch] $NoHeader) {
    if (-not $NoHeader) {
        '#Software: Microsoft Exchange Server', '#Version: 15.02.1544.004', '#Log-type: SMTP Receive Protocol Log'
        "#Date: $($Start.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ss.fffZ'))", $script:ProtocolFields
    }
    $id = 0
    foreach ($session in $Sessions) {
        for ($n = 0; $n -lt $session.Count; $n++) {
            $id++
            $time = $Start.ToUniversalTime().AddSeconds($id).ToString('yyyy-MM-ddTHH:mm:ss.fffZ')
            $prefix = "$time,EX01\Default Frontend EX01,08DD$('{0:X12}' -f $id)"
            "$prefix,0,10.0.0.5:25,$($session.Endpoint),+,,"
            "$prefix,1,10.0.0.5:25,$($session.Endpoint),>,""220 EX01.contoso.com Microsoft ESMTP MAIL Service ready at Fri, 27 Nov 2026 10:00:00 +0000"","
            "$prefix,2,10.0.0.5:25,$($session.Endpoint),<,EHLO $($session.Host),"
            "$prefix,3,10.0.0.5:25,$($session.Endpoint),<,""MAIL FROM:<""""Smith, Ann""""@fabrikam.com> SIZE=1024"","
        }
    }
}

function New-TrackingLogLine([string] $Time, [string] $ClientIp, [string] $ClientHost, [string] $OriginalClientIp, [string] $EventId = 'RECEIVE',
    [string] $Source = 'SMTP', [string] $Directionality = 'Incoming', [string] $Sender = 'ann@fabrikam.com', [string] $Subject = '"Invoice, November"') {
    @($Time, $ClientIp, $ClientHost, '10.0.0.5', 'EX01', '08DD0001;250 2.0.0 OK', 'EX01\Default Frontend EX01', $Source, $EventId, '1234',
        '<m1@fabrikam.com>', '6f0e1a2b-0000-0000-0000-000000000001', 'helpdesk@contoso.com', '', '5120', '1', '', '', $Subject, $Sender, $Sender, '',
        $Directionality, '', $OriginalClientIp, '', '', 'Email', '1', '15.02.1544.004') -join ','
}

function New-TrackingLogLines([string[]] $Lines) {
    '#Software: Microsoft Exchange Server', '#Version: 15.02.1544.004', '#Log-type: Message Tracking Log', '#Date: 2026-11-27T10:00:00.000Z', $script:TrackingFields
    $Lines
}

function Write-LogFile([string] $Path, [string[]] $Lines) {
    $null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $Path)
    [System.IO.File]::WriteAllLines($Path, $Lines)
    $Path
}
