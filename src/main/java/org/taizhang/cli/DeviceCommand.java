package org.taizhang.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.taizhang.core.DomainException;
import org.taizhang.core.store.Store;
import org.taizhang.exchange.ExchangeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code taizhang device show} and {@code taizhang device init --name NAME --role hub|field}: which device this
 * database is, and whether it is the hub (汇总机) or a field device (外业机). The hub alone gives 挂号 numbers.
 */
@Command(
        name = "device",
        description = "本机（汇总机或外业机）的标识与角色。 This device's id, name and role.",
        subcommands = {DeviceCommand.Show.class, DeviceCommand.Init.class, DeviceCommand.ListDevices.class})
final class DeviceCommand {
    @ParentCommand
    TaizhangCommand parent;

    enum Role {
        hub,
        field
    }

    /** Prints the device id, its name, its role and the hub's id. */
    @Command(name = "show", description = "显示本机标识、名称、角色和汇总机标识。 Show the device id, name, role and the hub's id.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        DeviceCommand device;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Store store = device.parent.openStore()) {
                print(store, device.parent, spec);
                return ExitCodes.OK;
            }
        }
    }

    /** The devices this one exchanges packages with (on the hub: its field laptops), with their staleness. */
    @Command(name = "list", description = "列出交换过数据包的设备及其未联系天数。 List the devices packages were exchanged with.")
    static final class ListDevices implements Callable<Integer> {
        @ParentCommand
        DeviceCommand device;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var m = device.parent.messages;
            var out = spec.commandLine().getOut();
            try (Store store = device.parent.openStore()) {
                List<ExchangeService.Device> devices = new ExchangeService(store).devices();
                if (devices.isEmpty()) {
                    out.println(m.get("cli.device.list.none"));
                } else {
                    out.println(m.get("cli.device.list.header"));
                    for (ExchangeService.Device d : devices) {
                        out.println(String.join(
                                "\t",
                                d.deviceId(),
                                d.name() == null ? "" : d.name(),
                                d.role() == null ? "" : d.role(),
                                d.receivedAt() == null ? "" : d.receivedAt().toString(),
                                d.sentAt() == null ? "" : d.sentAt().toString(),
                                d.daysSilent() == null ? "" : d.daysSilent().toString(),
                                d.keyKnown()
                                        ? m.get("cli.device.list.keyKnown")
                                        : m.get("cli.device.list.keyUnknown")));
                    }
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    /** Names this device and makes it the hub or a field device. */
    @Command(name = "init", description = "设定本机名称和角色（hub=汇总机，field=外业机）。 Name this device and set its role.")
    static final class Init implements Callable<Integer> {
        @ParentCommand
        DeviceCommand device;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--name", required = true, description = "本机名称，如“督查一组笔记本”。 A name for this computer.")
        String name;

        @Option(names = "--role", required = true, description = "hub（汇总机）或 field（外业机）。 hub or field.")
        Role role;

        @Override
        public Integer call() {
            try (Store store = device.parent.openOrCreateStore()) {
                if (name.isBlank()) {
                    throw new DomainException("store.deviceNameRequired");
                }
                store.setDeviceName(name);
                if (role == Role.hub) {
                    store.designateHub();
                } else {
                    store.designateField();
                }
                print(store, device.parent, spec);
                return ExitCodes.OK;
            }
        }
    }

    static void print(Store store, TaizhangCommand parent, picocli.CommandLine.Model.CommandSpec spec) {
        var m = parent.messages;
        var out = spec.commandLine().getOut();
        String role = store.isHub()
                ? m.get("cli.device.role.hub")
                : store.wasHubUnderAnotherId() ? m.get("cli.device.role.formerHub") : m.get("cli.device.role.field");
        out.println(m.get("cli.device.id", store.deviceId()));
        out.println(m.get("cli.device.name", store.deviceName()));
        out.println(m.get("cli.device.role", role));
        out.println(m.get("cli.device.hub", store.hubDeviceId().orElse(m.get("cli.device.noHub"))));
        ExchangeService exchange = new ExchangeService(store);
        String fingerprint = exchange.keyFingerprint();
        out.println(m.get("cli.device.key", fingerprint.isEmpty() ? m.get("cli.device.noKey") : fingerprint));
        ExchangeService.Unacknowledged u = exchange.unacknowledged();
        if (store.hubDeviceId().isPresent() && !store.isHub()) {
            out.println(
                    u.none()
                            ? m.get("cli.device.allAcknowledged")
                            : m.get("cli.device.unacknowledged", u.count(), Shown.minutes(u.since()), u.notExported()));
        }
        out.flush();
    }
}
