// `conclab mirror`'s routes on the one listener (mirror_server.h), also mounted by `serve --mirror` and the app.
#include "server/mirror/mirror_server.h"

#include "server/http_common.h"

#include <thread>

namespace conclab::mirror {

MirrorServer::MirrorServer(const MirrorOptions& options, server::Limits limits)
    : options_(options), routes_(options), server_(std::make_unique<server::Listener>(limits)) {
    server_->set_keep_alive_timeout(2);
    http::answer_exceptions_plainly(*server_);
    routes_.install(*server_);
}

MirrorServer::~MirrorServer() { stop(); }

std::string MirrorServer::bind() {
    const std::string error = server_->bind(options_.host, options_.port);
    port_ = server_->port();
    return error;
}

std::string MirrorServer::api_url() const {
    return "http://" + http::url_host(options_.host) + ":" + std::to_string(port_) + "/w/api.php";
}

void MirrorServer::run() { server_->run(); }

void MirrorServer::start() {
    // The socket already listens: connections made before the accept loop runs wait in the backlog.
    thread_ = std::make_unique<std::thread>([this] { run(); });
}

void MirrorServer::stop() {
    routes_.stop();
    server_->stop();
    if (thread_ && thread_->joinable()) thread_->join();
    thread_.reset();
}

}  // namespace conclab::mirror
