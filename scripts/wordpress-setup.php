<?php
// Run by scripts/wordpress-check.sh (PHP CLI, HTTP_HOST=127.0.0.1): installs the site once and
// makes an Author (no unfiltered_html) with an application password, for the REST API the
// block editor saves through. Prints JSON for scripts/wordpress-check.mjs.
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
if (!is_blog_installed()) {
    wp_install('Exempelby kommun', 'admin', 'admin@example.org', false, '', wp_generate_password(24));
}
update_option('siteurl', 'http://127.0.0.1');
update_option('home', 'http://127.0.0.1');
$id = username_exists('author');
if (!$id) {
    $id = wp_insert_user(['user_login' => 'author', 'user_pass' => wp_generate_password(24), 'user_email' => 'author@example.org', 'role' => 'author']);
}
WP_Application_Passwords::delete_all_application_passwords($id);
[$password] = WP_Application_Passwords::create_new_application_password($id, ['name' => 'loft-widgets check']);
echo json_encode([
    'site' => home_url('/'),
    'wordpress' => get_bloginfo('version'),
    'theme' => wp_get_theme()->get('Name'),
    'user' => 'author',
    'password' => $password,
    'role' => get_userdata($id)->roles,
    'unfiltered_html' => user_can($id, 'unfiltered_html'),
    'mu_plugins' => WPMU_PLUGIN_DIR,
]), "\n";
