BeforeAll {
    . $PSScriptRoot/Common.ps1
}

Describe 'Test-EopIpAddress' {
    Context 'Answers' {
        It 'finds 40.92.70.1 in 40.92.0.0/14 and the Americas table' {
            $result = Test-EopIpAddress 40.92.70.1
            $result | Should -BeOfType ([EopTools.EopIpTestResult])
            $result.Input | Should -Be '40.92.70.1'
            $result.IPAddress | Should -Be ([ipaddress]'40.92.70.1')
            $result.IsEop | Should -BeTrue
            $result.Range.Prefix | Should -Be '40.92.0.0/14'
            @($result.Region) | Should -Be @('Americas')
            $result.DataSet.Source | Should -Be 'embedded seed'
        }

        It 'finds 40.92.130.1 in the APAC table' {
            $result = Test-EopIpAddress 40.92.130.1
            $result.Range.Prefix | Should -Be '40.92.0.0/14'
            @($result.Region) | Should -Be @('APAC')
        }

        It 'lists every regional table that contains an address' {
            @((Test-EopIpAddress '2a01:111:f400:7c00::25').Region) | Should -Be @('Americas', 'APAC')
        }

        It 'says 8.8.8.8 is not EOP' {
            $result = Test-EopIpAddress 8.8.8.8
            $result.IsEop | Should -BeFalse
            $result.Range | Should -BeNull
            $result.Region.Count | Should -Be 0
            "$result" | Should -Be '8.8.8.8 is not EOP'
        }

        It 'answers <Address> at the edge of 40.92.0.0/14 with <IsEop>' -ForEach @(
            @{ Address = '40.91.255.255'; IsEop = $false }
            @{ Address = '40.92.0.0'; IsEop = $true }
            @{ Address = '40.95.255.255'; IsEop = $true }
            @{ Address = '40.96.0.0'; IsEop = $false }
            @{ Address = '52.238.78.87'; IsEop = $false }
            @{ Address = '52.238.78.88'; IsEop = $true }
            @{ Address = '52.238.78.89'; IsEop = $false }
            @{ Address = '2a01:111:f403::'; IsEop = $true }
            @{ Address = '2a01:111:f403:ffff:ffff:ffff:ffff:ffff'; IsEop = $true }
            @{ Address = '2a01:111:f404::'; IsEop = $false }
        ) {
            (Test-EopIpAddress $Address).IsEop | Should -Be $IsEop
        }

        It 'declares both output types' {
            (Get-Command Test-EopIpAddress).OutputType.Type | Sort-Object Name | Should -Be @([bool], [EopTools.EopIpTestResult])
        }
    }

    Context 'Input binding' {
        It 'takes an array argument' {
            (Test-EopIpAddress -IPAddress '40.92.70.1', '8.8.8.8').IsEop | Should -Be @($true, $false)
        }

        It 'takes piped strings' {
            ('40.92.70.1', '8.8.8.8' | Test-EopIpAddress).IsEop | Should -Be @($true, $false)
        }

        It 'takes IPAddress objects, piped and as an argument' {
            ([ipaddress]'40.92.70.1', [ipaddress]'8.8.8.8' | Test-EopIpAddress).IsEop | Should -Be @($true, $false)
            (Test-EopIpAddress -IPAddress ([ipaddress]'104.47.20.5')).Range.Prefix | Should -Be '104.47.0.0/17'
        }

        It 'takes an object with a <Name> property holding a <Kind>' -ForEach @(
            foreach ($name in 'IPAddress', 'ClientIp', 'OriginalClientIp', 'FromIP', 'client_ip', 'original_client_ip', 'c-ip', 'remote-endpoint', 'CIP', 'IP') {
                @{ Name = $name; Kind = 'string'; Value = '40.92.70.1' }
                @{ Name = $name; Kind = 'IPAddress'; Value = [ipaddress]'40.92.70.1' }
            }
        ) {
            $result = [pscustomobject]@{ $Name = $Value; Other = 'x' } | Test-EopIpAddress
            $result.Input | Should -Be '40.92.70.1'
            $result.Range.Prefix | Should -Be '40.92.0.0/14'
        }

        It 'takes Import-Csv rows of a message trace report' {
            $csv = Join-Path $TestDrive 'trace.csv'
            Set-Content -Path $csv -Value @(
                'date_time_utc,sender_address,original_client_ip'
                '2026-11-27T10:00:00Z,a@contoso.com,40.92.70.1'
                '2026-11-27T10:01:00Z,b@contoso.com,8.8.8.8'
                '2026-11-27T10:02:00Z,c@contoso.com,2a01:111:f403::25'
            )
            (Import-Csv $csv | Test-EopIpAddress).IsEop | Should -Be @($true, $false, $true)
        }

        It 'takes Exchange message tracking events with IPAddress properties' {
            $events = @(
                [pscustomobject]@{ EventId = 'RECEIVE'; ClientIp = [ipaddress]'52.100.1.1'; ServerIp = [ipaddress]'10.0.0.5' }
                [pscustomobject]@{ EventId = 'RECEIVE'; ClientIp = [ipaddress]'203.0.113.9'; ServerIp = [ipaddress]'10.0.0.5' }
            )
            ($events | Test-EopIpAddress).IsEop | Should -Be @($true, $false)
        }

        It 'takes <Text> from a log and tests <Expected>' -ForEach @(
            @{ Text = '40.92.70.1:25'; Expected = '40.92.70.1' }
            @{ Text = '[2a01:111:f403::1]:25'; Expected = '2a01:111:f403::1' }
            @{ Text = 'fe80::1%12'; Expected = 'fe80::1' }
            @{ Text = '::ffff:40.92.70.1'; Expected = '40.92.70.1' }
        ) {
            $result = Test-EopIpAddress $Text
            $result.Input | Should -Be $Text
            $result.IPAddress | Should -Be ([ipaddress]$Expected)
        }

        It 'tests an IPv4-mapped address as IPv4' {
            (Test-EopIpAddress '::ffff:40.92.70.1').Range.Prefix | Should -Be '40.92.0.0/14'
        }

        It 'skips <Label> with a verbose message' -ForEach @(
            @{ Label = 'an empty value'; Value = '' }
            @{ Label = 'a dash'; Value = '-' }
        ) {
            $output = Test-EopIpAddress -IPAddress $Value, '40.92.70.1' -Verbose 4>&1
            $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Skipped*' })
            $verbose.Count | Should -Be 1
            $verbose[0].Message | Should -Be "Skipped an input with no address ('$Value')."
            @($output | Where-Object { $_ -is [EopTools.EopIpTestResult] }).Input | Should -Be '40.92.70.1'
        }
    }

    Context 'Bad input' {
        It 'writes InvalidIPAddress for <Text> and goes on' -ForEach @(
            @{ Text = '1.2.3'; Reason = 'an IPv4 address has exactly four dotted-decimal parts, not 3' }
            @{ Text = '10'; Reason = 'an IPv4 address has exactly four dotted-decimal parts, not 1' }
            @{ Text = '040.1.1.1'; Reason = "an IPv4 part must not have leading zeros ('040' could be read as octal)" }
            @{ Text = '0x7f.0.0.1'; Reason = "unexpected character 'x' in an IPv4 address" }
            @{ Text = '256.1.1.1'; Reason = "an IPv4 part is a number from 0 to 255, not '256'" }
            @{ Text = '1.2.3.4.5'; Reason = 'an IPv4 address has exactly four parts, not more' }
            @{ Text = '1.2.3.4/24'; Reason = "a prefix (with '/') is not an address" }
            @{ Text = '::ffff:1.2.3'; Reason = 'an IPv4 address has exactly four dotted-decimal parts, not 3' }
            @{ Text = '2001:db8::1::2'; Reason = "an IPv6 address can contain '::' only once" }
            @{ Text = '1.2.3.4:70000'; Reason = "the port '70000' is not a number from 0 to 65535" }
            @{ Text = '1.2.3.4 junk'; Reason = "unexpected character ' ' in an IPv4 address" }
        ) {
            $results = $Text, '40.92.70.1' | Test-EopIpAddress -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidIPAddress,EopTools.Commands.TestEopIpAddressCommand'
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $errors[0].TargetObject | Should -Be $Text
            $errors[0].Exception.Message | Should -Be "'$Text' is not a valid IP address: $Reason."
            @($results).Input | Should -Be '40.92.70.1'
        }

        It 'keeps results and errors in input order for a long array argument' {
            $inputs = @(foreach ($i in 1..600) { if ($i % 250 -eq 0) { "bad$i" } else { '40.92.70.1' } })
            $stream = Test-EopIpAddress -IPAddress $inputs -ErrorAction Continue 2>&1
            $stream.Count | Should -Be 600
            $positions = for ($i = 0; $i -lt $stream.Count; $i++) { if ($stream[$i] -is [System.Management.Automation.ErrorRecord]) { $i } }
            $positions | Should -Be @(249, 499)
            $stream[249].TargetObject | Should -Be 'bad250'
            $stream[599].Input | Should -Be '40.92.70.1'
        }

        It 'stops on a bad address when asked to' {
            { Test-EopIpAddress '1.2.3' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidIPAddress,EopTools.Commands.TestEopIpAddressCommand'
        }

        It 'writes InputObjectHasNoAddress for an object without an address property and goes on' {
            $results = [pscustomobject]@{ Name = 'mailbox' }, [pscustomobject]@{ ClientIp = '40.92.70.1' } |
                Test-EopIpAddress -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'InputObjectHasNoAddress,EopTools.Commands.TestEopIpAddressCommand'
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $errors[0].TargetObject.Name | Should -Be 'mailbox'
            @($results).IsEop | Should -Be @($true)
        }

        It 'does not test an object''s ToString() as an address' {
            $results = @(Get-Date) | Test-EopIpAddress -ErrorVariable errors -ErrorAction SilentlyContinue
            $results | Should -BeNullOrEmpty
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'InputObjectHasNoAddress,EopTools.Commands.TestEopIpAddressCommand'
        }
    }

    Context 'Quiet' {
        It 'writes one bool per input' {
            $answers = Test-EopIpAddress -IPAddress '40.92.70.1', '8.8.8.8', '2a01:111:f403::1' -Quiet
            $answers | Should -Be @($true, $false, $true)
            $answers[0] | Should -BeOfType ([bool])
        }
    }

    Context 'Region' {
        It 'restricts the answer to one regional table' {
            $results = Test-EopIpAddress -IPAddress '40.92.70.1', '40.92.130.1' -Region APAC
            $results.IsEop | Should -Be @($false, $true)
            $results[1].Range.Prefix | Should -Be '40.92.128.0/17'
            @($results[1].Region) | Should -Be @('APAC')
            $results[0].Region.Count | Should -Be 0
        }

        It 'answers from the global list only with -Region Global' {
            $result = Test-EopIpAddress 40.92.70.1 -Region Global
            $result.Range.Prefix | Should -Be '40.92.0.0/14'
            $result.Region.Count | Should -Be 0
        }

        It 'fails with RegionNotInDataSet when the data set has no such table' {
            { Test-EopIpAddress 10.0.0.1 -Region EMEA -Path (Join-Path $Fixtures 'page-global-only.md') -WarningAction SilentlyContinue } |
                Should -Throw -ErrorId 'RegionNotInDataSet,EopTools.Commands.TestEopIpAddressCommand'
        }
    }

    Context 'Path' {
        It 'tests against a range file instead of the session index' {
            $results = Test-EopIpAddress -IPAddress '10.0.0.200', '40.92.70.1' -Path (Join-Path $Fixtures 'page-regions.md') -WarningAction SilentlyContinue
            $results.IsEop | Should -Be @($true, $false)
            $results[0].Range.Prefix | Should -Be '10.0.0.128/25'
            @($results[0].Region) | Should -Be @('EMEA')
            $results[0].DataSet.Version | Should -Be '2018-07-18'
        }
    }
}
