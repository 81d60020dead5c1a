#!/bin/sh
# A maintainer's check, not part of CI (too heavy): Debian's WordPress (6.1) on this machine,
# with an Author (no unfiltered_html) who
#   (a) pastes an embed URL of the reference server on a line of its own (oEmbed), and
#   (b) pastes a server-rendered snippet, full and `--no-styles --no-json-ld`,
# then counts the seed page's facts on the published pages with JavaScript off (curl) and on
# (headless Chromium): scripts/wordpress-check.mjs. What it showed: docs/embed/wordpress.md.
#
# Run as root on Debian 12 from the repository: sh scripts/wordpress-check.sh
# It installs wordpress, mariadb-server and apache2 (apt), serves WordPress at
# http://127.0.0.1/ (port 80) and the reference server (npm start's) at http://localhost:8080/,
# and leaves both running (stop: apache2ctl stop; service mariadb stop; kill the node server).
set -eu
cd "$(dirname "$0")/.."
REPO=$(pwd)

command -v apache2ctl >/dev/null && [ -d /usr/share/wordpress ] && command -v mariadbd >/dev/null ||
  DEBIAN_FRONTEND=noninteractive apt-get install -y wordpress mariadb-server php-curl php-xml php-mbstring
service mariadb start >/dev/null
mysql -e "CREATE DATABASE IF NOT EXISTS loftwp; CREATE USER IF NOT EXISTS 'loftwp'@'localhost' IDENTIFIED BY 'loftwp'; GRANT ALL ON loftwp.* TO 'loftwp'@'localhost';"

# WordPress answers as http://127.0.0.1/: a host other than the embed server's (localhost),
# as a municipality's site and its embed host are.
cat > /etc/wordpress/config-127.0.0.1.php <<'PHP'
<?php
define('DB_NAME', 'loftwp');
define('DB_USER', 'loftwp');
define('DB_PASSWORD', 'loftwp');
define('DB_HOST', 'localhost');
define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local'); // application passwords over plain http, for the REST calls below
$table_prefix = 'wp_';
PHP
chown root:www-data /etc/wordpress/config-127.0.0.1.php
chmod 640 /etc/wordpress/config-127.0.0.1.php

cat > /etc/apache2/sites-available/loftwp.conf <<'CONF'
<VirtualHost *:80>
  DocumentRoot /usr/share/wordpress
  DirectoryIndex index.php
  Alias /wp-content /var/lib/wordpress/wp-content
  <Directory /usr/share/wordpress>
    Options FollowSymLinks
    Require all granted
  </Directory>
  <Directory /var/lib/wordpress/wp-content>
    Options FollowSymLinks
    Require all granted
  </Directory>
</VirtualHost>
CONF
a2dissite -q 000-default >/dev/null 2>&1 || true
a2ensite -q loftwp >/dev/null
apache2ctl -k graceful 2>/dev/null || apache2ctl start

# The site, an Author and an application password for her (the block editor saves through
# the same REST API), and the filter a local test needs (see wordpress.md): all in PHP.
# (wp_install mails the admin: without a sendmail here PHP says so on stderr, harmlessly.)
HTTP_HOST=127.0.0.1 php "$REPO/scripts/wordpress-setup.php" 2>/dev/null > /tmp/loft-wordpress.json

# The reference server, as `npm start` runs it (built first).
if ! curl -fsS -o /dev/null http://localhost:8080/; then
  node scripts/start.mjs > /tmp/loft-reference-server.log 2>&1 &
  for _ in $(seq 1 120); do curl -fsS -o /dev/null http://localhost:8080/ && break; sleep 1; done
fi
node scripts/wordpress-check.mjs /tmp/loft-wordpress.json
