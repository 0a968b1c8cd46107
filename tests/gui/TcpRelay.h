#pragma once

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <catch2/catch.hpp>

#include <memory>
#include <utility>
#include <vector>

namespace preflight::gui::test {

// A TCP relay in front of the test server, on its own thread, that can fall silent as a host
// does when its network goes away: every open connection is cut and new ones are accepted but
// never answered. Resuming cuts the silent ones too, as a recovering network would.
class TcpRelay : public QObject
{
public:
    explicit TcpRelay(quint16 serverPort)
        : m_serverPort(serverPort)
    {
        moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            this, [this] { listen(); }, Qt::BlockingQueuedConnection);
    }
    ~TcpRelay() override
    {
        QMetaObject::invokeMethod(
            this,
            [this] {
                cutAll();
                m_server.reset();
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    quint16 port() const { return m_port; }
    void setSilent(bool silent)
    {
        QMetaObject::invokeMethod(
            this,
            [this, silent] {
                m_silent = silent;
                cutAll();
            },
            Qt::BlockingQueuedConnection);
    }

private:
    void listen()
    {
        m_server = std::make_unique<QTcpServer>();
        REQUIRE(m_server->listen(QHostAddress::LocalHost));
        m_port = m_server->serverPort();
        QObject::connect(m_server.get(), &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server->nextPendingConnection()) {
                m_sockets.push_back(client);
                if (m_silent)
                    continue;
                auto *upstream = new QTcpSocket(client);
                m_sockets.push_back(upstream);
                upstream->connectToHost(QHostAddress::LocalHost, m_serverPort);
                QObject::connect(client, &QTcpSocket::readyRead, upstream,
                                 [client, upstream] { upstream->write(client->readAll()); });
                QObject::connect(upstream, &QTcpSocket::readyRead, client,
                                 [client, upstream] { client->write(upstream->readAll()); });
                QObject::connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
                QObject::connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::disconnectFromHost);
            }
        });
    }
    void cutAll()
    {
        for (QTcpSocket *socket : std::exchange(m_sockets, {})) {
            if (!socket)
                continue; // went with the client it relayed for
            socket->abort(); // freed with the server, whose children they are
        }
    }

    QThread m_thread;
    quint16 m_serverPort;
    quint16 m_port = 0;
    std::unique_ptr<QTcpServer> m_server;
    std::vector<QPointer<QTcpSocket>> m_sockets;
    bool m_silent = false;
};

} // namespace preflight::gui::test
